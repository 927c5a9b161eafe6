package boxoffice.app.service;

import boxoffice.app.domain.Principal;

/**
 * Port: which access tokens were revoked before they expire: every token of a session that was
 * logged out or caught reusing a refresh token, and every token a user held before their role
 * changed. Answered from memory, so a request costs no database round trip.
 */
public interface SessionRevocations {
  /**
   * Whether the caller's token was revoked.
   *
   * @throws boxoffice.app.domain.UnavailableException when revocations could not be read recently
   *     enough to answer within the stated bound
   */
  boolean isRevoked(Principal principal);
}

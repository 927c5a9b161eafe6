package boxoffice.app.service;

import java.time.Duration;

/** What a successful login or refresh hands out. */
public record TokenPair(String accessToken, String refreshToken, Duration accessTokenTtl) {
  @Override
  public String toString() {
    return "TokenPair[***]";
  }
}

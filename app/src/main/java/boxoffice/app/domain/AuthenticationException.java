package boxoffice.app.domain;

/** The caller did not prove who they are (bad credentials, bad or spent token). */
public final class AuthenticationException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }
}

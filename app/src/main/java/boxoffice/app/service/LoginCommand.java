package boxoffice.app.service;

import boxoffice.app.domain.Credentials;
import boxoffice.app.domain.Violations;

/** A password login from a client address (the address feeds throttling). */
public record LoginCommand(String email, String password, String clientAddress) {
  public LoginCommand {
    email = Credentials.normalizeEmail(email);
    Violations violations = new Violations();
    Credentials.checkLoginEmail(violations, "email", email);
    if (violations.require(password, "password")) {
      violations.check(!password.isEmpty(), "password", "must not be blank");
    }
    violations.throwIfAny();
  }

  @Override
  public String toString() {
    return "LoginCommand[email=" + email + ", clientAddress=" + clientAddress + ", password=***]";
  }
}

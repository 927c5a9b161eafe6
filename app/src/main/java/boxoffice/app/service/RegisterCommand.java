package boxoffice.app.service;

import boxoffice.app.domain.Credentials;
import boxoffice.app.domain.Violations;

/** A sign-up request; validates itself so that a built command is always acceptable. */
public record RegisterCommand(String email, String password, String name) {
  public static final int MAX_NAME_LENGTH = 100;

  public RegisterCommand {
    email = Credentials.normalizeEmail(email);
    name = name == null ? null : name.strip();
    Violations violations = new Violations();
    Credentials.checkEmail(violations, "email", email);
    Credentials.checkPassword(violations, "password", password);
    if (violations.require(name, "name")) {
      violations.check(
          !name.isEmpty() && name.length() <= MAX_NAME_LENGTH,
          "name",
          "must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
    violations.throwIfAny();
  }

  @Override
  public String toString() {
    return "RegisterCommand[email=" + email + ", name=" + name + ", password=***]";
  }
}

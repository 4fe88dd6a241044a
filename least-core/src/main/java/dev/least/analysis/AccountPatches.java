package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.Source;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Patch;
import dev.least.recommend.Ref;

/** References to accounts and the vendor calls that disable them. */
final class AccountPatches {
  private AccountPatches() {}

  static Ref ref(Account a) {
    return new Ref("user", a.id().value(), a.login());
  }

  static String platform(Account a) {
    return a.source() == Source.OKTA ? "okta" : "entra";
  }

  /**
   * Entra: {@code PATCH /users/{id}} with {@code accountEnabled: false}. Okta: suspend (reversible;
   * the user keeps assignments) or deactivate (for leavers).
   */
  static Patch disable(Account a, boolean deactivate) {
    if (a.source() == Source.OKTA) {
      return new Patch(
          "POST",
          "/api/v1/users/"
              + a.id().value()
              + "/lifecycle/"
              + (deactivate ? "deactivate" : "suspend"),
          null);
    }
    return new Patch("PATCH", "/users/" + a.id().value(), JsonValue.obj("accountEnabled", false));
  }
}

package dev.least.connector.generate;

import java.util.EnumSet;
import java.util.Set;

/** The planted or decoy part an account plays; most background accounts play none. */
enum Role {
  IMPOSSIBLE_TRAVEL,
  PLAUSIBLE_TRAVEL,
  MFA_FATIGUE,
  LEGACY_CLIENT,
  /** Never opens the Entra app its group grants (Contoso ERP). */
  UNUSED_GRANT,
  /** Never opens the Okta app its group grants (Salesforce). */
  UNUSED_GRANT_OKTA,
  SOD_BOTH_SIDES,
  UNCOVERED_ADMIN,
  FREQUENT_TIMESHEETS;

  static Set<Role> none() {
    return EnumSet.noneOf(Role.class);
  }
}

package dev.least.connector.generate;

import java.util.EnumSet;
import java.util.Set;

/** The planted or decoy part an account plays; most background accounts play none. */
enum Role {
  IMPOSSIBLE_TRAVEL,
  PLAUSIBLE_TRAVEL,
  /** Decoy: a hop to a VPN egress or nearby city under the distance floor, and back. */
  NEARBY_HOP,
  /** Decoy: a service account whose job runs in two data centres on two continents. */
  TWO_REGION_SERVICE,
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

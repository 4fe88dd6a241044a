package dev.least.policy.entra;

import dev.least.model.ClientAppType;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.RiskLevel;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random policies and sign-ins over a small shared universe, so that they often interact. */
public final class RandomTenant {
  public static final List<NamedLocation> LOCATIONS =
      List.of(
          new NamedLocation(
              new LocationId("L1"),
              Source.ENTRA,
              "corp",
              LocationKind.IP,
              true,
              List.of("10.0.0.0/8", "2001:db8::/32"),
              List.of(),
              false,
              false,
              true),
          new NamedLocation(
              new LocationId("L2"),
              Source.ENTRA,
              "branch",
              LocationKind.IP,
              false,
              List.of("203.0.113.0/24"),
              List.of(),
              false,
              false,
              true),
          new NamedLocation(
              new LocationId("C1"),
              Source.ENTRA,
              "home",
              LocationKind.COUNTRY,
              false,
              List.of(),
              List.of("US", "CA"),
              true,
              false,
              true));

  private static final String[] USERS = {"u1", "u2", "u3"};
  private static final String[] GROUPS = {"g1", "g2", "g3"};
  private static final String[] ROLES = {"r1", "r2"};
  private static final String[] APPS = {
    "a1", "a2", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"
  };
  private static final String[] APP_TARGETS = {
    "All", "None", "Office365", "MicrosoftAdminPortals", "a1", "a2"
  };
  private static final String[] PLATFORMS = {"all", "windows", "iOS", "android", "macOS", "linux"};
  private static final String[] CLIENTS = {
    "all", "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other"
  };
  private static final String[] LOCATION_REFS = {"All", "AllTrusted", "L1", "L2", "C1", "missing"};
  private static final String[] RISKS = {"low", "medium", "high", "none"};
  private static final String[] CONTROLS = {
    "block",
    "mfa",
    "compliantDevice",
    "domainJoinedDevice",
    "approvedApplication",
    "compliantApplication",
    "Mfa",
    "riskRemediation"
  };
  private static final String[] FILTERS = {
    "device.trustType -eq \"AzureAD\"",
    "device.isCompliant -eq True -and device.operatingSystem -startsWith \"win\"",
    "device.extensionAttribute1 -ne \"SAW\" -or device.deviceId -in [\"d1\",\"d2\"]",
    "device.model -match \"x\""
  };

  private RandomTenant() {}

  public static List<ConditionalAccessPolicy> policies(Random r, int n) {
    List<ConditionalAccessPolicy> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(policy(r, "p" + i));
    }
    return out;
  }

  static ConditionalAccessPolicy policy(Random r, String id) {
    PolicyBuilder b = PolicyBuilder.policy(id);
    int s = r.nextInt(10);
    b.state(s < 6 ? PolicyState.ENABLED : s < 8 ? PolicyState.REPORT_ONLY : PolicyState.DISABLED);
    if (r.nextInt(4) == 0) {
      b.includeUsers();
      b.includeGroups(pick(r, GROUPS, 1 + r.nextInt(2)));
      if (r.nextBoolean()) {
        b.includeRoles(pick(r, ROLES, 1));
      }
    } else if (r.nextInt(5) == 0) {
      b.includeUsers(pick(r, USERS, 1 + r.nextInt(2)));
    } else if (r.nextInt(8) == 0) {
      b.includeUsers();
      b.includeGuestTypes("b2bCollaborationGuest,internalGuest");
    }
    if (r.nextInt(3) == 0) {
      b.excludeUsers(pick(r, USERS, 1));
    }
    if (r.nextInt(3) == 0) {
      b.excludeGroups(pick(r, GROUPS, 1));
    }
    if (r.nextInt(6) == 0) {
      b.excludeRoles(pick(r, ROLES, 1));
    }
    int a = r.nextInt(12);
    if (a == 0) {
      b.userActions("urn:user:registersecurityinfo");
    } else if (a == 1) {
      b.authContexts("c1");
    } else {
      b.includeApps(pick(r, APP_TARGETS, 1 + r.nextInt(2)));
      if (r.nextInt(3) == 0) {
        b.excludeApps(pick(r, APP_TARGETS, 1));
      }
    }
    if (r.nextInt(3) == 0) {
      b.clientAppTypes(pick(r, CLIENTS, 1 + r.nextInt(2)));
    }
    if (r.nextInt(3) == 0) {
      b.includePlatforms(pick(r, PLATFORMS, 1 + r.nextInt(2)));
      if (r.nextBoolean()) {
        b.excludePlatforms(pick(r, PLATFORMS, 1));
      }
    }
    if (r.nextInt(3) == 0) {
      b.includeLocations(pick(r, LOCATION_REFS, 1 + r.nextInt(2)));
      if (r.nextBoolean()) {
        b.excludeLocations(pick(r, LOCATION_REFS, 1));
      }
    }
    if (r.nextInt(4) == 0) {
      b.signInRisk(pick(r, RISKS, 1 + r.nextInt(2)));
    }
    if (r.nextInt(6) == 0) {
      b.userRisk(pick(r, RISKS, 1));
    }
    if (r.nextInt(5) == 0) {
      b.deviceFilter(r.nextBoolean() ? "include" : "exclude", FILTERS[r.nextInt(FILTERS.length)]);
    }
    if (r.nextInt(8) == 0) {
      b.unknownValues(
          r.nextBoolean()
              ? "conditions.insiderRiskLevels=elevated"
              : "builtInControls=riskRemediation");
    }
    int g = r.nextInt(10);
    if (g == 0) {
      b.signInFrequencyHours(4);
    } else if (g == 1) {
      b.grantFull("AND", List.of("mfa"), List.of("tou1"), null);
    } else if (g == 2) {
      b.grantFull(
          r.nextBoolean() ? "AND" : "OR",
          List.of(pick(r, CONTROLS, 1)),
          List.of(),
          r.nextBoolean() ? GrantControl.MFA_STRENGTH_ID : "00000000-0000-0000-0000-000000000004");
    } else {
      b.grant(r.nextBoolean() ? "AND" : "OR", pick(r, CONTROLS, 1 + r.nextInt(2)));
    }
    return b.build();
  }

  static SignInFacts facts(Random r) {
    FactsBuilder f = FactsBuilder.facts().account(USERS[r.nextInt(USERS.length)]);
    if (r.nextInt(10) == 0) {
      f.servicePrincipal();
    }
    f.guest(r.nextInt(4) == 0);
    f.groups(pick(r, GROUPS, r.nextInt(3)));
    f.roles(pick(r, ROLES, r.nextInt(2)));
    int app = r.nextInt(APPS.length + 1);
    f.app(app == APPS.length ? null : APPS[app]);
    if (r.nextInt(6) == 0) {
      f.audiences(APPS[r.nextInt(APPS.length)]);
    }
    if (r.nextInt(10) == 0) {
      f.userAction("urn:user:registersecurityinfo");
    }
    if (r.nextInt(8) == 0) {
      f.authContexts("c1");
    }
    f.client(ClientAppType.values()[r.nextInt(ClientAppType.values().length)]);
    String[] platforms = {"windows", "ios", "android", "macos", "linux", "unknown", null};
    f.platform(platforms[r.nextInt(platforms.length)]);
    String[] ips = {
      "10.1.2.3", "203.0.113.9", "198.51.100.1", "2001:db8::5", "::ffff:10.1.2.3", null
    };
    f.ip(ips[r.nextInt(ips.length)]);
    String[] countries = {"US", "DE", "", null};
    f.country(countries[r.nextInt(countries.length)]);
    f.signInRisk(RiskLevel.values()[r.nextInt(RiskLevel.values().length)]);
    f.userRisk(RiskLevel.values()[r.nextInt(RiskLevel.values().length)]);
    f.compliant(TriState.values()[r.nextInt(3)]);
    f.managed(TriState.values()[r.nextInt(3)]);
    f.mfa(TriState.values()[r.nextInt(3)]);
    String[] devices = {"d1", "d9", "", null};
    f.deviceId(devices[r.nextInt(devices.length)]);
    String[] trust = {"AzureAD", "ServerAD", "Workplace", null};
    f.trustType(trust[r.nextInt(trust.length)]);
    String[] os = {"Windows", "iOS", null};
    f.operatingSystem(os[r.nextInt(os.length)]);
    return f.build();
  }

  private static String[] pick(Random r, String[] from, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String v = from[r.nextInt(from.length)];
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out.toArray(new String[0]);
  }
}

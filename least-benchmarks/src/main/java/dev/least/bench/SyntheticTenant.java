package dev.least.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The fixed cast that generated sign-ins draw from: users, apps, Conditional Access policies,
 * places and user agents. Everything is derived from one seed, so the same seed gives the same
 * tenant and, with the log writers, the same bytes.
 *
 * <p>Sizes follow a mid-size tenant: the share of distinct values per column (accounts, apps, IPs,
 * cities, result vectors) matters for the columnar store, so it is kept realistic rather than one
 * fresh value per event.
 */
public final class SyntheticTenant {
  /** A person with both an Entra and an Okta account. */
  public record User(
      String entraId,
      String oktaId,
      String upn,
      String displayName,
      int segment,
      String homeIp,
      Place home,
      Agent agent,
      String deviceId,
      boolean managedDevice) {
    public User {
      requireNonNull(entraId, "entraId");
      requireNonNull(oktaId, "oktaId");
      requireNonNull(upn, "upn");
      requireNonNull(displayName, "displayName");
      requireNonNull(homeIp, "homeIp");
      requireNonNull(home, "home");
      requireNonNull(agent, "agent");
      requireNonNull(deviceId, "deviceId");
    }
  }

  /** An application known to both vendors. */
  public record App(String entraAppId, String oktaAppId, String name, String resourceName) {
    public App {
      requireNonNull(entraAppId, "entraAppId");
      requireNonNull(oktaAppId, "oktaAppId");
      requireNonNull(name, "name");
      requireNonNull(resourceName, "resourceName");
    }
  }

  /** Entra policy state as the log reports it. */
  public enum CaState {
    ENABLED,
    REPORT_ONLY,
    DISABLED
  }

  /**
   * A Conditional Access policy: it targets a set of apps (bit mask over {@link #apps()}) and of
   * user segments, and requires MFA, a compliant device, or blocks.
   */
  public record CaPolicy(
      String id,
      String displayName,
      CaState state,
      long appMask,
      int segmentMask,
      List<String> grantControls,
      List<String> sessionControls) {
    public CaPolicy {
      requireNonNull(id, "id");
      requireNonNull(displayName, "displayName");
      requireNonNull(state, "state");
      grantControls = List.copyOf(grantControls);
      sessionControls = List.copyOf(sessionControls);
    }

    boolean targets(int appIndex, int segment) {
      return (appMask & (1L << appIndex)) != 0 && (segmentMask & (1 << segment)) != 0;
    }
  }

  /** A city with the fields both vendors log. */
  public record Place(
      String city,
      String state,
      String countryCode,
      String country,
      String postalCode,
      double lat,
      double lon) {
    public Place {
      requireNonNull(city, "city");
      requireNonNull(state, "state");
      requireNonNull(countryCode, "countryCode");
      requireNonNull(country, "country");
      requireNonNull(postalCode, "postalCode");
    }
  }

  /** A browser or client with its user agent string. */
  public record Agent(String raw, String os, String entraBrowser, String oktaBrowser) {
    public Agent {
      requireNonNull(raw, "raw");
      requireNonNull(os, "os");
      requireNonNull(entraBrowser, "entraBrowser");
      requireNonNull(oktaBrowser, "oktaBrowser");
    }
  }

  static final int SEGMENTS = 4; // 0 staff, 1 admins, 2 guests, 3 contractors

  private static final String[] FIRST = {
    "ada", "alan", "grace", "linus", "barbara", "ken", "margaret", "dennis", "frances", "john",
    "radia", "edsger", "hedy", "tim", "katherine", "donald", "shafi", "leslie", "anita", "niklaus"
  };
  private static final String[] LAST = {
    "lovelace", "turing", "hopper", "torvalds", "liskov", "thompson", "hamilton", "ritchie",
    "allen", "backus", "perlman", "dijkstra", "lamarr", "berners-lee", "johnson", "knuth",
    "goldwasser", "lamport", "borg", "wirth"
  };
  private static final String[][] APPS = {
    {"Office 365 Exchange Online", "Office 365 Exchange Online"},
    {"Microsoft Teams", "Microsoft Teams Services"},
    {"Azure Portal", "Windows Azure Service Management API"},
    {"Office 365 SharePoint Online", "Office 365 SharePoint Online"},
    {"Microsoft Authentication Broker", "Microsoft Graph"},
    {"Salesforce", "Salesforce"},
    {"Workday", "Workday"},
    {"ServiceNow", "ServiceNow"},
    {"GitHub Enterprise Cloud", "GitHub Enterprise Cloud"},
    {"AWS IAM Identity Center", "AWS IAM Identity Center"},
    {"Slack", "Slack"},
    {"Zoom", "Zoom"},
    {"Atlassian Cloud", "Atlassian Cloud"},
    {"Box", "Box"},
    {"Tableau Cloud", "Tableau Cloud"},
    {"Azure CLI", "Microsoft Azure Management"},
    {"Microsoft Intune Company Portal", "Microsoft Intune"},
    {"Power BI Service", "Power BI Service"},
    {"Okta Dashboard", "Okta Dashboard"},
    {"Okta Admin Console", "Okta Admin Console"},
    {"Figma", "Figma"},
    {"Datadog", "Datadog"},
    {"Snowflake", "Snowflake"},
    {"Adobe Creative Cloud", "Adobe Creative Cloud"}
  };
  private static final Place[] PLACES = {
    new Place("Redmond", "Washington", "US", "United States", "98052", 47.674, -122.1215),
    new Place("New York", "New York", "US", "United States", "10013", 40.7209, -74.0007),
    new Place("Atlanta", "Georgia", "US", "United States", "30350", 33.9794, -84.3459),
    new Place("Austin", "Texas", "US", "United States", "78701", 30.2711, -97.7437),
    new Place("Chicago", "Illinois", "US", "United States", "60601", 41.8858, -87.6181),
    new Place("San Francisco", "California", "US", "United States", "94105", 37.7898, -122.3942),
    new Place("Toronto", "Ontario", "CA", "Canada", "M5H", 43.6511, -79.3839),
    new Place("London", "England", "GB", "United Kingdom", "EC2V", 51.5164, -0.0930),
    new Place("Dublin", "Leinster", "IE", "Ireland", "D02", 53.3498, -6.2603),
    new Place("Amsterdam", "North Holland", "NL", "Netherlands", "1012", 52.3731, 4.8922),
    new Place("Berlin", "Berlin", "DE", "Germany", "10117", 52.5170, 13.3889),
    new Place("Paris", "Ile-de-France", "FR", "France", "75001", 48.8566, 2.3522),
    new Place("Madrid", "Madrid", "ES", "Spain", "28013", 40.4168, -3.7038),
    new Place("Bangalore", "Karnataka", "IN", "India", "560001", 12.9716, 77.5946),
    new Place("Singapore", "Singapore", "SG", "Singapore", "018989", 1.2800, 103.8500),
    new Place("Sydney", "New South Wales", "AU", "Australia", "2000", -33.8688, 151.2093),
    new Place("Tokyo", "Tokyo", "JP", "Japan", "100-0001", 35.6895, 139.6917),
    new Place("Sao Paulo", "Sao Paulo", "BR", "Brazil", "01000", -23.5505, -46.6333),
    new Place("Dois Irmaos", "Rio Grande do Sul", "BR", "Brazil", "93950", -29.6116, -51.0933),
    new Place("Lagos", "Lagos", "NG", "Nigeria", "100001", 6.4550, 3.3841)
  };
  private static final Agent[] AGENTS = {
    new Agent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
        "Windows 10",
        "Edge 131.0.2903",
        "EDGE_CHROMIUM"),
    new Agent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/130.0.0.0 Safari/537.36",
        "Windows 10",
        "Chrome 130.0.0",
        "CHROME"),
    new Agent(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36",
        "MacOs",
        "Chrome 131.0.0",
        "CHROME"),
    new Agent(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.6 Safari/605.1.15",
        "MacOs",
        "Safari 17.6",
        "SAFARI"),
    new Agent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML,"
            + " like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
        "Ios 17.6",
        "Mobile Safari 17.6",
        "SAFARI"),
    new Agent(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.6778.81 Mobile Safari/537.36",
        "Android 14",
        "Chrome Mobile 131.0.6778",
        "CHROME"),
    new Agent(
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Linux",
        "Firefox 133.0",
        "FIREFOX"),
    new Agent(
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)",
        "Windows 10",
        "Microsoft Office 16.0",
        "UNKNOWN")
  };
  private static final String[] POLICY_NAMES = {
    "CA001-Global-BLOCK-LegacyAuthentication",
    "CA002-Global-AllApps-MFA",
    "CA003-Admins-AdminPortals-PhishResistantMFA",
    "CA004-Global-BLOCK-CountryAllowList",
    "CA005-Internals-O365-Mobile-AppProtection",
    "CA006-Internals-Windows-CompliantDevice",
    "CA007-Guests-AllApps-MFA",
    "CA008-Global-BLOCK-HighUserRisk",
    "CA009-Global-MFA-MediumSignInRisk",
    "CA010-Internals-Unmanaged-SignInFrequency",
    "CA011-Contractors-SelectedApps-BLOCK",
    "CA012-Admins-NoPersistentBrowser",
    "CA013-Global-SecurityInfo-TrustedLocation",
    "CA014-Internals-IntuneEnrollment-MFA",
    "CA015-Global-AllApps-TermsOfUse",
    "CA016-Internals-SharePoint-Unmanaged-Limited"
  };

  private final List<User> users;
  private final List<App> apps;
  private final List<CaPolicy> policies;
  private final String tenantId;

  private SyntheticTenant(
      List<User> users, List<App> apps, List<CaPolicy> policies, String tenantId) {
    this.users = List.copyOf(users);
    this.apps = List.copyOf(apps);
    this.policies = List.copyOf(policies);
    this.tenantId = tenantId;
  }

  /** A tenant of {@code userCount} users, all derived from {@code seed}. */
  public static SyntheticTenant create(long seed, int userCount) {
    if (userCount < 1) {
      throw new IllegalArgumentException("userCount must be at least 1 but was " + userCount);
    }
    SplittableRandom r = new SplittableRandom(seed);
    String tenantId = guid(r);
    List<App> apps = new ArrayList<>();
    for (String[] a : APPS) {
      apps.add(new App(guid(r), oktaId(r, "0oa"), a[0], a[1]));
    }
    List<User> users = new ArrayList<>(userCount);
    for (int i = 0; i < userCount; i++) {
      String first = FIRST[r.nextInt(FIRST.length)];
      String last = LAST[r.nextInt(LAST.length)];
      int segment = pickSegment(r);
      String domain = segment == 2 ? "partner.example" : "contoso.example";
      String upn = first + "." + last + i + "@" + domain;
      String display = capitalize(first) + " " + capitalize(last);
      Place home = PLACES[r.nextInt(PLACES.length)];
      Agent agent = AGENTS[r.nextInt(AGENTS.length)];
      users.add(
          new User(
              guid(r),
              oktaId(r, "00u"),
              upn,
              display,
              segment,
              ip(r),
              home,
              agent,
              guid(r),
              segment != 2 && r.nextInt(10) < 7));
    }
    List<CaPolicy> policies = new ArrayList<>();
    for (int i = 0; i < POLICY_NAMES.length; i++) {
      CaState state =
          i % 7 == 5 ? CaState.DISABLED : i % 4 == 3 ? CaState.REPORT_ONLY : CaState.ENABLED;
      long appMask =
          i % 3 == 0 ? (1L << apps.size()) - 1 : r.nextLong() & ((1L << apps.size()) - 1);
      int segMask = i % 2 == 0 ? 0xF : 1 + r.nextInt(15);
      List<String> grant =
          switch (i % 5) {
            case 0 -> List.of("Block");
            case 1, 2 -> List.of("Mfa");
            case 3 -> List.of("Mfa", "CompliantDevice");
            default -> List.of("CompliantDevice", "DomainJoinedDevice");
          };
      List<String> session = i % 6 == 3 ? List.of("SignInFrequency") : List.of();
      policies.add(new CaPolicy(guid(r), POLICY_NAMES[i], state, appMask, segMask, grant, session));
    }
    return new SyntheticTenant(users, apps, policies, tenantId);
  }

  public List<User> users() {
    return users;
  }

  public List<App> apps() {
    return apps;
  }

  public List<CaPolicy> policies() {
    return policies;
  }

  public String tenantId() {
    return tenantId;
  }

  /** Places an event may come from when the user travels. */
  static Place place(SplittableRandom r) {
    return PLACES[r.nextInt(PLACES.length)];
  }

  static Agent agent(SplittableRandom r) {
    return AGENTS[r.nextInt(AGENTS.length)];
  }

  /** A random (version 4 shaped) GUID in lower case. */
  static String guid(SplittableRandom r) {
    char[] c = new char[36];
    long hi = r.nextLong();
    long lo = r.nextLong();
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    hex(hi >>> 32, 8, c, 0);
    c[8] = '-';
    hex(hi >>> 16, 4, c, 9);
    c[13] = '-';
    hex(hi, 4, c, 14);
    c[18] = '-';
    hex(lo >>> 48, 4, c, 19);
    c[23] = '-';
    hex(lo, 12, c, 24);
    return new String(c);
  }

  /** An Okta-style 20-character id with the given 3-character prefix. */
  static String oktaId(SplittableRandom r, String prefix) {
    StringBuilder b = new StringBuilder(20).append(prefix);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    while (b.length() < 20) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Lower-case hex of {@code n} random bytes. */
  static String hexString(SplittableRandom r, int bytes) {
    char[] c = new char[bytes * 2];
    for (int i = 0; i < c.length; i += 8) {
      hex(r.nextLong(), Math.min(8, c.length - i), c, i);
    }
    return new String(c);
  }

  static String ip(SplittableRandom r) {
    return (11 + r.nextInt(212))
        + "."
        + r.nextInt(256)
        + "."
        + r.nextInt(256)
        + "."
        + (1 + r.nextInt(254));
  }

  private static void hex(long v, int digits, char[] out, int at) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = Character.forDigit((int) (v & 0xF), 16);
      v >>>= 4;
    }
  }

  private static int pickSegment(SplittableRandom r) {
    int p = r.nextInt(100);
    return p < 80 ? 0 : p < 83 ? 1 : p < 93 ? 2 : 3;
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}

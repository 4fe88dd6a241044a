package dev.least.replay;

import static java.util.Objects.requireNonNull;

import dev.least.model.ClientAppType;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.TriState;
import dev.least.policy.SignInFacts;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a logged sign-in into {@link SignInFacts} by joining the directory: transitive groups, role
 * template ids and guest status come from the {@link DirectoryIndex} (the snapshot's membership,
 * not the membership at sign-in time); the rest from the event. What the record does not carry
 * stays unknown, so evaluators can say "not evaluable" instead of guessing:
 *
 * <ul>
 *   <li>user risk is never in a sign-in record: {@link RiskLevel#UNKNOWN};
 *   <li>device id and trust type come from the log when it has them (Entra {@code deviceDetail}):
 *       an id with a trust type makes {@code device.deviceId} / {@code device.trustType} filters
 *       evaluable, and the empty id Entra logs for an unregistered device makes every attribute
 *       null, as the service evaluates it; a log without device detail leaves them null (a device
 *       filter is then not evaluable). The logged trust type is translated to the filter's spelling
 *       by {@link #trustType(String)};
 *   <li>a platform string we cannot place is null; the vendor's own "Unknown" is {@code unknown}.
 * </ul>
 *
 * <p>{@link Replay} evaluates each distinct situation of a {@link dev.least.model.SignInLog} once,
 * keyed by the columns this class reads (all but the time); a new column read here must join that
 * key ({@code Replay.record(SignInLog, int)}), and {@code SituationMemoPropertiesTest} fails if it
 * does not.
 */
public final class SignInFactsResolver {
  private final DirectoryIndex directory;

  public SignInFactsResolver(DirectoryIndex directory) {
    this.directory = requireNonNull(directory, "directory");
  }

  /** Whether the directory knows the event's account (else groups and roles are empty). */
  public boolean knows(SignInEvent event) {
    return directory.account(event.accountId()) != null;
  }

  /** Whether the directory knows the account (else groups and roles are empty). */
  public boolean knows(String accountId) {
    return directory.account(accountId) != null;
  }

  public SignInFacts resolve(SignInEvent e) {
    return facts(
        e.accountId(),
        e.principalKind(),
        e.appId(),
        e.clientApp(),
        e.devicePlatform(),
        e.ip(),
        e.country(),
        e.riskLevel(),
        e.deviceCompliant(),
        e.deviceManaged(),
        mfaSatisfied(e.mfaMethod(), e.mfaPerformed()),
        e.interactive(),
        e.epochMillis(),
        deviceId(e.deviceId(), e.deviceManaged(), e.deviceCompliant()),
        e.deviceTrustType());
  }

  /**
   * The facts of event {@code i} of a log, equal to {@code resolve(log.get(i))} without building
   * the event (its id, its policy results and the columns the facts do not read).
   */
  public SignInFacts resolve(SignInLog log, int i) {
    String account = log.accountId(i);
    if (account == null) {
      throw new IllegalStateException("event " + i + " has no account id");
    }
    TriState managed = log.deviceManaged(i);
    TriState compliant = log.deviceCompliant(i);
    return facts(
        account,
        log.principalKind(i),
        log.appId(i),
        log.clientApp(i),
        log.devicePlatform(i),
        log.ip(i),
        log.country(i),
        log.riskLevel(i),
        compliant,
        managed,
        mfaSatisfied(log.mfaMethod(i), log.mfaPerformed(i)),
        log.interactive(i),
        log.epochMillis(i),
        deviceId(log.deviceId(i), managed, compliant),
        log.deviceTrustType(i));
  }

  private SignInFacts facts(
      String account,
      PrincipalKind principalKind,
      @Nullable String appId,
      ClientAppType clientApp,
      @Nullable String devicePlatform,
      @Nullable String ip,
      @Nullable String country,
      RiskLevel riskLevel,
      TriState deviceCompliant,
      TriState deviceManaged,
      TriState mfaSatisfied,
      boolean interactive,
      long epochMillis,
      @Nullable String deviceId,
      @Nullable String deviceTrustType) {
    return new SignInFacts(
        account,
        principalKind,
        directory.isGuest(account),
        directory.groupsOf(account),
        directory.conditionalAccessRolesOf(account),
        appId,
        clientApp,
        platform(devicePlatform),
        ip,
        country,
        riskLevel,
        RiskLevel.UNKNOWN,
        deviceCompliant,
        deviceManaged,
        mfaSatisfied,
        interactive,
        epochMillis,
        deviceId,
        trustType(deviceTrustType),
        null,
        Set.of(),
        null,
        Set.of());
  }

  /**
   * MFA counts as satisfied when the log names the method that satisfied it (including "MFA
   * requirement satisfied by claim in the token" / "Previously satisfied") or says MFA was
   * performed; it is unsatisfied when the log says MFA was not performed; otherwise unknown.
   */
  static TriState mfaSatisfied(SignInEvent e) {
    return mfaSatisfied(e.mfaMethod(), e.mfaPerformed());
  }

  private static TriState mfaSatisfied(@Nullable String method, TriState performed) {
    if ((method != null && !method.isBlank()) || performed == TriState.TRUE) {
      return TriState.TRUE;
    }
    return performed == TriState.FALSE ? TriState.FALSE : TriState.UNKNOWN;
  }

  /**
   * The logged device id, with one correction: an empty id (Entra's "not registered") on a device
   * the same record shows as managed or compliant contradicts itself (only registered devices are
   * managed or compliant), so the device is unknown (null) rather than unregistered.
   */
  static @Nullable String deviceId(SignInEvent e) {
    return deviceId(e.deviceId(), e.deviceManaged(), e.deviceCompliant());
  }

  private static @Nullable String deviceId(
      @Nullable String id, TriState managed, TriState compliant) {
    if (id != null && id.isEmpty() && (managed == TriState.TRUE || compliant == TriState.TRUE)) {
      return null;
    }
    return id;
  }

  /**
   * Entra's logged {@code deviceDetail.trustType} in the device filter's spelling: {@code Azure AD
   * joined} / {@code Microsoft Entra joined} is {@code AzureAD}, {@code Hybrid Azure AD joined} /
   * {@code Microsoft Entra hybrid joined} is {@code ServerAD}, {@code Azure AD registered} / {@code
   * Microsoft Entra registered} is {@code Workplace} (the filter's own spellings pass through).
   * Null, blank or unrecognized values are null: unknown, never guessed.
   */
  public static @Nullable String trustType(@Nullable String logged) {
    if (logged == null || logged.isBlank()) {
      return null;
    }
    String t = logged.trim().toLowerCase(Locale.ROOT);
    if (t.equals("azuread")
        || t.equals("azure ad joined")
        || t.equals("microsoft entra joined")
        || t.equals("entra joined")) {
      return "AzureAD";
    }
    if (t.equals("serverad")
        || t.equals("hybrid azure ad joined")
        || t.equals("microsoft entra hybrid joined")
        || t.equals("entra hybrid joined")) {
      return "ServerAD";
    }
    if (t.equals("workplace")
        || t.equals("azure ad registered")
        || t.equals("microsoft entra registered")
        || t.equals("entra registered")) {
      return "Workplace";
    }
    return null;
  }

  /**
   * Normalizes Entra's {@code deviceDetail.operatingSystem} ("Windows 10", "Windows10", "MacOs",
   * "iOS 17.1", "Ios", "Android", "Linux") to the CA platform names in lower case: windows, macos,
   * ios, android, linux, windowsphone. The vendor's "Unknown" becomes {@code unknown} (matches only
   * a policy's {@code all}); null, blank or unrecognized values become null (not in the record).
   */
  public static @Nullable String platform(@Nullable String devicePlatform) {
    if (devicePlatform == null || devicePlatform.isBlank()) {
      return null;
    }
    String p = devicePlatform.trim().toLowerCase(Locale.ROOT);
    if (p.equals("unknown")) {
      return "unknown";
    }
    if (p.startsWith("windows phone") || p.startsWith("windowsphone")) {
      return "windowsphone";
    }
    if (p.startsWith("windows")) {
      return "windows";
    }
    if (p.startsWith("macos") || p.startsWith("mac os") || p.startsWith("osx") || p.equals("mac")) {
      return "macos";
    }
    if (p.startsWith("ios")
        || p.startsWith("ipados")
        || p.startsWith("iphone")
        || p.startsWith("ipad")) {
      return "ios";
    }
    if (p.startsWith("android")) {
      return "android";
    }
    if (p.startsWith("linux") || p.startsWith("ubuntu")) {
      return "linux";
    }
    return null;
  }
}

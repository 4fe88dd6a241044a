package dev.least.replay;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.ClientAppType;
import dev.least.model.GroupId;
import dev.least.model.GroupMembership;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.Manifest;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.RoleId;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A small directory and sign-in events for replay tests. */
final class Events {
  static final String ADMIN_ROLE = "62e90394-69f5-4237-9190-012177145e10";

  private Events() {}

  /** alice (member, in g-child nested in g-parent, Global Admin), bob (member), gina (guest). */
  static DirectoryIndex directory() {
    List<Account> accounts =
        List.of(
            account("alice", AccountKind.MEMBER),
            account("bob", AccountKind.MEMBER),
            account("gina", AccountKind.GUEST));
    List<GroupMembership> members =
        List.of(
            new GroupMembership(new GroupId("g-child"), new Principal(PrincipalKind.USER, "alice")),
            new GroupMembership(
                new GroupId("g-parent"), new Principal(PrincipalKind.GROUP, "g-child")));
    List<RoleDefinition> roles =
        List.of(
            new RoleDefinition(
                new RoleId("role-ga"), "Global Administrator", ADMIN_ROLE, true, true),
            new RoleDefinition(new RoleId("role-custom"), "Custom helpdesk", null, false, false));
    List<RoleAssignment> assignments =
        List.of(
            new RoleAssignment("ra1", new RoleId("role-ga"), "alice", "/"),
            new RoleAssignment("ra2", new RoleId("role-custom"), "alice", "/"),
            new RoleAssignment("ra3", new RoleId("role-ga"), "bob", "/administrativeUnits/au1"));
    TenantSnapshot s =
        new TenantSnapshot(
            new Manifest("t", Instant.parse("2026-01-01T00:00:00Z"), List.of(Source.ENTRA), null),
            List.of(),
            accounts,
            List.of(),
            List.of(),
            members,
            List.of(),
            List.of(),
            roles,
            assignments,
            List.of(),
            List.of(),
            List.of(),
            SignInLog.empty());
    return DirectoryIndex.of(s);
  }

  private static Account account(String id, AccountKind kind) {
    return new Account(
        new AccountId(id),
        Source.ENTRA,
        id + "@example.com",
        null,
        null,
        AccountStatus.ACTIVE,
        kind,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** {@code e} under another event id and time, every other field kept. */
  static SignInEvent withId(SignInEvent e, String id, long time) {
    return new SignInEvent(
        id,
        e.source(),
        time,
        e.principalKind(),
        e.accountId(),
        e.login(),
        e.appId(),
        e.appName(),
        e.ip(),
        e.country(),
        e.city(),
        e.clientApp(),
        e.clientAppRaw(),
        e.interactive(),
        e.devicePlatform(),
        e.deviceManaged(),
        e.deviceCompliant(),
        e.outcome(),
        e.errorCode(),
        e.mfaRequired(),
        e.mfaPerformed(),
        e.mfaMethod(),
        e.riskLevel(),
        e.policyResults(),
        e.latitude(),
        e.longitude(),
        e.deviceId(),
        e.deviceTrustType(),
        e.resourceId(),
        e.resourceName(),
        e.conditionalAccessStatus());
  }

  /** {@code e} from an unregistered device: empty id, neither managed nor compliant. */
  static SignInEvent unregistered(SignInEvent e) {
    return withDevice(e, "", null, TriState.FALSE);
  }

  /** {@code e} with the device id and trust type the log shows. */
  static SignInEvent withDevice(
      SignInEvent e, @Nullable String deviceId, @Nullable String trustType) {
    return withDevice(e, deviceId, trustType, e.deviceManaged());
  }

  private static SignInEvent withDevice(
      SignInEvent e, @Nullable String deviceId, @Nullable String trustType, TriState managed) {
    return new SignInEvent(
        e.eventId(),
        e.source(),
        e.epochMillis(),
        e.principalKind(),
        e.accountId(),
        e.login(),
        e.appId(),
        e.appName(),
        e.ip(),
        e.country(),
        e.city(),
        e.clientApp(),
        e.clientAppRaw(),
        e.interactive(),
        e.devicePlatform(),
        managed,
        managed == TriState.FALSE ? TriState.FALSE : e.deviceCompliant(),
        e.outcome(),
        e.errorCode(),
        e.mfaRequired(),
        e.mfaPerformed(),
        e.mfaMethod(),
        e.riskLevel(),
        e.policyResults(),
        e.latitude(),
        e.longitude(),
        deviceId,
        trustType,
        e.resourceId(),
        e.resourceName(),
        e.conditionalAccessStatus());
  }

  static SignInEvent event(
      String id,
      String account,
      @Nullable String app,
      TriState mfa,
      LoggedPolicyResult... results) {
    return event(id, account, app, "Browser", "Windows 10", mfa, null, 0, results);
  }

  static SignInEvent event(
      String id,
      String account,
      @Nullable String app,
      @Nullable String clientAppUsed,
      @Nullable String platform,
      TriState mfaPerformed,
      @Nullable String mfaMethod,
      int errorCode,
      LoggedPolicyResult... results) {
    return new SignInEvent(
        id,
        Source.ENTRA,
        1_767_225_600_000L,
        PrincipalKind.USER,
        account,
        account + "@example.com",
        app,
        null,
        "203.0.113.10",
        "US",
        null,
        ClientAppType.fromClientAppUsed(clientAppUsed),
        clientAppUsed,
        true,
        platform,
        TriState.TRUE,
        TriState.TRUE,
        errorCode == 0 ? SignInOutcome.SUCCESS : SignInOutcome.FAILURE,
        errorCode,
        TriState.UNKNOWN,
        mfaPerformed,
        mfaMethod,
        RiskLevel.NONE,
        List.of(results));
  }
}

package dev.least.policy.entra;

import dev.least.model.ClientAppType;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import dev.least.policy.SignInFacts;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link SignInFacts} for tests. Defaults describe a fully known, unremarkable sign-in: a
 * member user, browser on Windows, IP 203.0.113.10 in US, no risk, registered compliant device, MFA
 * done.
 */
final class FactsBuilder {
  private String account = "u1";
  private PrincipalKind kind = PrincipalKind.USER;
  private boolean guest;
  private Set<String> groups = Set.of();
  private Set<String> roles = Set.of();
  private @Nullable String app = "app1";
  private ClientAppType client = ClientAppType.BROWSER;
  private @Nullable String platform = "windows";
  private @Nullable String ip = "203.0.113.10";
  private @Nullable String country = "US";
  private RiskLevel signInRisk = RiskLevel.NONE;
  private RiskLevel userRisk = RiskLevel.NONE;
  private TriState compliant = TriState.TRUE;
  private TriState managed = TriState.TRUE;
  private TriState mfa = TriState.TRUE;
  private @Nullable String deviceId = "d1";
  private @Nullable String trustType = "AzureAD";
  private @Nullable String os = "Windows";
  private Set<String> audiences = Set.of();
  private @Nullable String userAction;
  private Set<String> acrs = Set.of();

  static FactsBuilder facts() {
    return new FactsBuilder();
  }

  FactsBuilder account(String v) {
    account = v;
    return this;
  }

  FactsBuilder servicePrincipal() {
    kind = PrincipalKind.SERVICE_PRINCIPAL;
    return this;
  }

  FactsBuilder guest(boolean v) {
    guest = v;
    return this;
  }

  FactsBuilder groups(String... v) {
    groups = Set.of(v);
    return this;
  }

  FactsBuilder roles(String... v) {
    roles = Set.of(v);
    return this;
  }

  FactsBuilder app(@Nullable String v) {
    app = v;
    return this;
  }

  FactsBuilder client(ClientAppType v) {
    client = v;
    return this;
  }

  FactsBuilder platform(@Nullable String v) {
    platform = v;
    return this;
  }

  FactsBuilder ip(@Nullable String v) {
    ip = v;
    return this;
  }

  FactsBuilder country(@Nullable String v) {
    country = v;
    return this;
  }

  FactsBuilder signInRisk(RiskLevel v) {
    signInRisk = v;
    return this;
  }

  FactsBuilder userRisk(RiskLevel v) {
    userRisk = v;
    return this;
  }

  FactsBuilder compliant(TriState v) {
    compliant = v;
    return this;
  }

  FactsBuilder managed(TriState v) {
    managed = v;
    return this;
  }

  FactsBuilder mfa(TriState v) {
    mfa = v;
    return this;
  }

  FactsBuilder deviceId(@Nullable String v) {
    deviceId = v;
    return this;
  }

  FactsBuilder trustType(@Nullable String v) {
    trustType = v;
    return this;
  }

  FactsBuilder operatingSystem(@Nullable String v) {
    os = v;
    return this;
  }

  FactsBuilder unregisteredDevice() {
    deviceId = "";
    trustType = null;
    compliant = TriState.UNKNOWN;
    managed = TriState.UNKNOWN;
    return this;
  }

  FactsBuilder audiences(String... v) {
    audiences = Set.of(v);
    return this;
  }

  FactsBuilder userAction(@Nullable String v) {
    userAction = v;
    return this;
  }

  FactsBuilder authContexts(String... v) {
    acrs = Set.of(v);
    return this;
  }

  SignInFacts build() {
    return new SignInFacts(
        account,
        kind,
        guest,
        groups,
        roles,
        app,
        client,
        platform,
        ip,
        country,
        signInRisk,
        userRisk,
        compliant,
        managed,
        mfa,
        true,
        0L,
        deviceId,
        trustType,
        os,
        audiences,
        userAction,
        acrs);
  }
}

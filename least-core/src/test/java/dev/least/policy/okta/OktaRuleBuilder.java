package dev.least.policy.okta;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds {@link OktaRule}s by hand, mirroring the shapes of the okta-policies samples. */
public final class OktaRuleBuilder {
  private final String id;
  private String name;
  private String status = "ACTIVE";
  private int priority = 1;
  private boolean system;
  private List<String> usersInclude = List.of();
  private List<String> usersExclude = List.of();
  private List<String> groupsInclude = List.of();
  private List<String> groupsExclude = List.of();
  private String connection = "ANYWHERE";
  private List<String> zonesInclude = List.of();
  private List<String> zonesExclude = List.of();
  private @Nullable String riskLevel;
  private List<String> platforms = List.of();
  private @Nullable Boolean registered;
  private @Nullable Boolean managed;
  private String action = "ALLOW";
  private boolean requireFactor;
  private @Nullable String promptMode;
  private @Nullable Integer lifetime;
  private @Nullable String vmType;
  private @Nullable String factorMode;
  private @Nullable String reauth;
  private @Nullable String authType;
  private List<String> behaviors = List.of();
  private List<PlatformSpec> platformInclude = List.of();
  private List<PlatformSpec> platformExclude = List.of();
  private List<String> assurances = List.of();
  private List<String> userTypesInclude = List.of();
  private List<String> userTypesExclude = List.of();
  private @Nullable String el;
  private @Nullable String primaryFactor;
  private final List<AssuranceConstraint> constraints = new ArrayList<>();

  private OktaRuleBuilder(String id) {
    this.id = id;
    this.name = id;
  }

  public static OktaRuleBuilder rule(String id) {
    return new OktaRuleBuilder(id);
  }

  public OktaRuleBuilder name(String v) {
    name = v;
    return this;
  }

  public OktaRuleBuilder priority(int v) {
    priority = v;
    return this;
  }

  public OktaRuleBuilder inactive() {
    status = "INACTIVE";
    return this;
  }

  public OktaRuleBuilder system() {
    system = true;
    return this;
  }

  public OktaRuleBuilder usersInclude(String... v) {
    usersInclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder usersExclude(String... v) {
    usersExclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder groupsInclude(String... v) {
    groupsInclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder groupsExclude(String... v) {
    groupsExclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder zonesInclude(String... v) {
    connection = "ZONE";
    zonesInclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder zonesExclude(String... v) {
    connection = "ZONE";
    zonesExclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder connection(String v) {
    connection = v;
    return this;
  }

  public OktaRuleBuilder risk(String v) {
    riskLevel = v;
    return this;
  }

  public OktaRuleBuilder behaviors(String... v) {
    behaviors = List.of(v);
    return this;
  }

  public OktaRuleBuilder platforms(String... osTypes) {
    platforms = List.of(osTypes);
    return this;
  }

  public OktaRuleBuilder platformInclude(PlatformSpec... v) {
    platformInclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder platformExclude(PlatformSpec... v) {
    platformExclude = List.of(v);
    return this;
  }

  public OktaRuleBuilder device(@Nullable Boolean reg, @Nullable Boolean man) {
    registered = reg;
    managed = man;
    return this;
  }

  public OktaRuleBuilder assurances(String... v) {
    assurances = List.of(v);
    return this;
  }

  public OktaRuleBuilder userTypes(List<String> include, List<String> exclude) {
    userTypesInclude = include;
    userTypesExclude = exclude;
    return this;
  }

  public OktaRuleBuilder authType(String v) {
    authType = v;
    return this;
  }

  public OktaRuleBuilder el(String v) {
    el = v;
    return this;
  }

  public OktaRuleBuilder deny() {
    action = "DENY";
    return this;
  }

  public OktaRuleBuilder action(String v) {
    action = v;
    return this;
  }

  /** Global session rule: {@code requireFactor: true} with this prompt mode and lifetime. */
  public OktaRuleBuilder mfa(String mode, @Nullable Integer lifetimeMinutes) {
    requireFactor = true;
    promptMode = mode;
    lifetime = lifetimeMinutes;
    return this;
  }

  public OktaRuleBuilder primaryFactor(String v) {
    primaryFactor = v;
    return this;
  }

  /** Authentication rule: ASSURANCE with this factor mode and re-authentication window. */
  public OktaRuleBuilder assurance(String mode, @Nullable String reauthenticateIn) {
    vmType = "ASSURANCE";
    factorMode = mode;
    reauth = reauthenticateIn;
    return this;
  }

  public OktaRuleBuilder verificationType(String v) {
    vmType = v;
    return this;
  }

  public OktaRuleBuilder constraint(
      @Nullable FactorConstraint knowledge, @Nullable FactorConstraint possession) {
    constraints.add(new AssuranceConstraint(knowledge, possession));
    return this;
  }

  public OktaRule build() {
    return new OktaRule(
        id,
        name,
        status,
        priority,
        system,
        usersInclude,
        usersExclude,
        groupsInclude,
        groupsExclude,
        connection,
        zonesInclude,
        zonesExclude,
        riskLevel,
        platforms,
        registered,
        managed,
        action,
        requireFactor,
        promptMode,
        lifetime,
        vmType,
        factorMode,
        reauth,
        "{}",
        new OktaRuleDetail(
            authType,
            behaviors,
            platformInclude,
            platformExclude,
            assurances,
            userTypesInclude,
            userTypesExclude,
            el,
            primaryFactor,
            false,
            constraints));
  }
}

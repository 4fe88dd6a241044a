package dev.least.policy.okta;

import dev.least.model.PolicyId;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link OktaPolicy}s by hand, mirroring the okta-policies samples. */
public final class OktaPolicyBuilder {
  public static final String EVERYONE = "00gEveryone";

  private final String id;
  private final OktaPolicyType type;
  private String name;
  private String status = "ACTIVE";
  private int priority = 1;
  private boolean system;
  private List<String> groups = List.of();
  private final List<OktaRule> rules = new ArrayList<>();

  private OktaPolicyBuilder(String id, OktaPolicyType type) {
    this.id = id;
    this.type = type;
    this.name = id;
  }

  public static OktaPolicyBuilder signOn(String id) {
    return new OktaPolicyBuilder(id, OktaPolicyType.OKTA_SIGN_ON);
  }

  public static OktaPolicyBuilder access(String id) {
    return new OktaPolicyBuilder(id, OktaPolicyType.ACCESS_POLICY);
  }

  /** The default global session policy: system, Everyone, one Default Rule allowing password. */
  public static OktaPolicy defaultSignOn() {
    return signOn("00pDefault")
        .name("Default Policy")
        .priority(99)
        .system()
        .groups(EVERYONE)
        .rule(OktaRuleBuilder.rule("0prDefault").name("Default Rule").priority(1).build())
        .build();
  }

  public OktaPolicyBuilder name(String v) {
    name = v;
    return this;
  }

  public OktaPolicyBuilder priority(int v) {
    priority = v;
    return this;
  }

  public OktaPolicyBuilder inactive() {
    status = "INACTIVE";
    return this;
  }

  public OktaPolicyBuilder system() {
    system = true;
    return this;
  }

  public OktaPolicyBuilder groups(String... v) {
    groups = List.of(v);
    return this;
  }

  public OktaPolicyBuilder rule(OktaRule r) {
    rules.add(r);
    return this;
  }

  public OktaPolicyBuilder rule(OktaRuleBuilder r) {
    rules.add(r.build());
    return this;
  }

  public OktaPolicy build() {
    return new OktaPolicy(
        new PolicyId(id), name, type, type.name(), status, priority, system, groups, rules, "{}");
  }
}

package dev.least.policy.okta;

import dev.least.model.PolicyId;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link OktaPolicy}s by hand, mirroring the okta-policies samples. */
final class OktaPolicyBuilder {
  static final String EVERYONE = "00gEveryone";

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

  static OktaPolicyBuilder signOn(String id) {
    return new OktaPolicyBuilder(id, OktaPolicyType.OKTA_SIGN_ON);
  }

  static OktaPolicyBuilder access(String id) {
    return new OktaPolicyBuilder(id, OktaPolicyType.ACCESS_POLICY);
  }

  /** The default global session policy: system, Everyone, one Default Rule allowing password. */
  static OktaPolicy defaultSignOn() {
    return signOn("00pDefault")
        .name("Default Policy")
        .priority(99)
        .system()
        .groups(EVERYONE)
        .rule(OktaRuleBuilder.rule("0prDefault").name("Default Rule").priority(1).build())
        .build();
  }

  OktaPolicyBuilder name(String v) {
    name = v;
    return this;
  }

  OktaPolicyBuilder priority(int v) {
    priority = v;
    return this;
  }

  OktaPolicyBuilder inactive() {
    status = "INACTIVE";
    return this;
  }

  OktaPolicyBuilder system() {
    system = true;
    return this;
  }

  OktaPolicyBuilder groups(String... v) {
    groups = List.of(v);
    return this;
  }

  OktaPolicyBuilder rule(OktaRule r) {
    rules.add(r);
    return this;
  }

  OktaPolicyBuilder rule(OktaRuleBuilder r) {
    rules.add(r.build());
    return this;
  }

  OktaPolicy build() {
    return new OktaPolicy(
        new PolicyId(id), name, type, type.name(), status, priority, system, groups, rules, "{}");
  }
}

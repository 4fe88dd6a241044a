package dev.least.connector.okta;

import dev.least.model.PolicyId;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps Okta policies ({@code policies/{TYPE}.json}) and their rules ({@code
 * policies/{policyId}/rules.json}) to {@link OktaPolicy} / {@link OktaRule}. Only {@code id} is
 * required; Okta's own examples carry typos ({@code "type": "PROFILE_ENROLLMENT,"}, {@code
 * "priority": "99,"}, {@code "conditions": "null,"}), which are read leniently: an unknown type is
 * {@link OktaPolicyType#OTHER} with the raw text kept, a numeric string is a number, a string where
 * an object belongs is an absent condition.
 */
final class OktaPolicyMapper {
  private OktaPolicyMapper() {}

  /** A policy without its rules yet (rules come from another file). */
  record PolicyHead(
      PolicyId id,
      String name,
      OktaPolicyType type,
      String typeRaw,
      String status,
      int priority,
      boolean system,
      List<String> groupsInclude,
      String rawJson) {
    OktaPolicy withRules(List<OktaRule> rules) {
      return new OktaPolicy(
          id, name, type, typeRaw, status, priority, system, groupsInclude, rules, rawJson);
    }

    boolean unknownType() {
      return type == OktaPolicyType.OTHER;
    }
  }

  static PolicyHead policy(OktaNode p) {
    String id = p.requiredText("id");
    String typeRaw = p.text("type");
    String name = p.text("name");
    Integer priority = p.integer("priority");
    return new PolicyHead(
        new PolicyId(id),
        name == null ? id : name,
        OktaPolicyType.parse(typeRaw),
        typeRaw == null ? "" : typeRaw,
        statusOf(p),
        priority == null ? Integer.MAX_VALUE : priority,
        Boolean.TRUE.equals(p.bool("system")),
        p.object("conditions").object("people").object("groups").strings("include"),
        p.node().toString());
  }

  /**
   * A rule. Network: {@code conditions.network.connection} (absent is ANYWHERE). Action: {@code
   * actions.signon.access} (OKTA_SIGN_ON), else {@code actions.appSignOn.access} (ACCESS_POLICY),
   * else the {@code access} of any other action object (password, enrollment rules), else {@code
   * UNKNOWN}. A missing priority sorts last ({@link Integer#MAX_VALUE}).
   */
  static OktaRule rule(OktaNode r) {
    String id = r.requiredText("id");
    String name = r.text("name");
    Integer priority = r.integer("priority");
    OktaNode conditions = r.object("conditions");
    OktaNode people = conditions.object("people");
    OktaNode users = people.object("users");
    OktaNode groups = people.object("groups");
    OktaNode network = conditions.object("network");
    String connection = network.text("connection");
    List<String> platforms = new ArrayList<>();
    for (OktaNode platform : conditions.object("platform").objects("include")) {
      String os = platform.object("os").text("type");
      if (os != null) {
        platforms.add(os);
      }
    }
    OktaNode device = conditions.object("device");
    OktaNode actions = r.object("actions");
    OktaNode signon = actions.object("signon");
    OktaNode appSignOn = actions.object("appSignOn");
    OktaNode verification = appSignOn.object("verificationMethod");
    return new OktaRule(
        id,
        name == null ? id : name,
        statusOf(r),
        priority == null ? Integer.MAX_VALUE : priority,
        Boolean.TRUE.equals(r.bool("system")),
        users.strings("include"),
        users.strings("exclude"),
        groups.strings("include"),
        groups.strings("exclude"),
        connection == null ? "ANYWHERE" : connection,
        network.strings("include"),
        network.strings("exclude"),
        conditions.object("riskScore").text("level"),
        platforms,
        device.bool("registered"),
        device.bool("managed"),
        action(actions, signon, appSignOn),
        Boolean.TRUE.equals(signon.bool("requireFactor")),
        signon.text("factorPromptMode"),
        signon.integer("factorLifetime"),
        verification.text("type"),
        verification.text("factorMode"),
        verification.text("reauthenticateIn"),
        r.node().toString());
  }

  private static String action(OktaNode actions, OktaNode signon, OktaNode appSignOn) {
    String access = signon.text("access");
    if (access == null) {
      access = appSignOn.text("access");
    }
    if (access == null) {
      for (var e : actions.node().properties()) {
        if (e.getValue().isObject()) {
          access = new OktaNode(e.getValue(), "actions." + e.getKey()).text("access");
          if (access != null) {
            break;
          }
        }
      }
    }
    return access == null ? "UNKNOWN" : access;
  }

  private static String statusOf(OktaNode n) {
    String s = n.text("status");
    return s == null ? "UNKNOWN" : s;
  }

  static @Nullable String safeId(String id) {
    return id.contains("/") || id.contains("\\") || id.contains("..") ? null : id;
  }
}

package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The vendor calls that grant an exception and revert it, recorded (not sent, like recommendation
 * patches). Entra: {@code PATCH /identity/conditionalAccess/policies/{id}} with {@code
 * conditions.users.excludeUsers} — Graph replaces the whole list, so the body carries the policy's
 * exclusions from the snapshot plus the person, and the revert the list as it was. Okta: {@code PUT
 * /api/v1/policies/{policyId}/rules/{ruleId}} with the rule's body and the person added to {@code
 * conditions.people.users.exclude} (a replace takes the whole rule); the revert puts the rule back
 * as it was. Without a rule, every active, editable (non-system) rule of the policy gets one call.
 */
final class ExceptionPatches {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ExceptionPatches() {}

  /** The grant and the revert, each {@code {"platform", "operations": [{method, path, body}]}}. */
  record Pair(String grant, String revert) {
    Pair {
      requireNonNull(grant, "grant");
      requireNonNull(revert, "revert");
    }
  }

  static Pair entra(ConditionalAccessPolicy p, String userId) {
    List<String> before = p.users().excludeUsers();
    Set<String> after = new LinkedHashSet<>(before);
    after.add(userId);
    String path = "/identity/conditionalAccess/policies/" + p.id().value();
    return new Pair(
        document("entra", List.of(entraCall(path, new ArrayList<>(after)))),
        document("entra", List.of(entraCall(path, before))));
  }

  private static ObjectNode entraCall(String path, List<String> excludeUsers) {
    ObjectNode call = JSON.createObjectNode();
    call.put("method", "PATCH");
    call.put("path", path);
    ArrayNode list =
        call.putObject("body").putObject("conditions").putObject("users").putArray("excludeUsers");
    excludeUsers.forEach(list::add);
    return call;
  }

  /** The rules a request for {@code rule} (or the whole policy) touches. */
  static List<OktaRule> oktaRules(OktaPolicy p, @Nullable OktaRule rule) {
    if (rule != null) {
      if (rule.system()) {
        throw new IllegalArgumentException(
            "rule "
                + rule.name()
                + " of "
                + p.name()
                + " is a system rule; Okta does not let it"
                + " exclude people");
      }
      return List.of(rule);
    }
    List<OktaRule> rules = p.rules().stream().filter(r -> r.active() && !r.system()).toList();
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(
          "Okta policy " + p.name() + " has no active rule that can exclude people");
    }
    return rules;
  }

  static Pair okta(OktaPolicy p, List<OktaRule> rules, String userId) {
    List<ObjectNode> grant = new ArrayList<>();
    List<ObjectNode> revert = new ArrayList<>();
    for (OktaRule r : rules) {
      String path = "/api/v1/policies/" + p.id().value() + "/rules/" + r.id();
      JsonNode original = JSON.readTree(r.rawJson());
      ObjectNode body =
          original.isObject() ? (ObjectNode) original.deepCopy() : JSON.createObjectNode();
      ObjectNode users = path(path(path(body, "conditions"), "people"), "users");
      JsonNode exclude = users.get("exclude");
      ArrayNode list = users.putArray("exclude");
      Set<String> ids = new LinkedHashSet<>();
      if (exclude != null && exclude.isArray()) {
        exclude.forEach(n -> ids.add(n.asString()));
      }
      ids.add(userId);
      ids.forEach(list::add);
      grant.add(oktaCall(path, body));
      revert.add(oktaCall(path, original));
    }
    return new Pair(document("okta", grant), document("okta", revert));
  }

  private static ObjectNode path(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }

  private static ObjectNode oktaCall(String path, JsonNode body) {
    ObjectNode call = JSON.createObjectNode();
    call.put("method", "PUT");
    call.put("path", path);
    call.set("body", body);
    return call;
  }

  private static String document(String platform, List<ObjectNode> calls) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("platform", platform);
    doc.put("sent", false);
    ArrayNode ops = doc.putArray("operations");
    calls.forEach(ops::add);
    return JSON.writeValueAsString(doc);
  }
}

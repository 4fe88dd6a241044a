package dev.least.app.workflow;

import dev.least.model.TenantSettings;
import dev.least.recommend.Ref;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's own guardrail check: a recommendation whose target or any subject is a protected
 * user, group or policy (by id or name, case-insensitively) may not be approved or applied, however
 * the request arrives. The analyzers already skip protected items; this catches guardrails added
 * after the analysis and recommendations that reached the database some other way.
 */
public final class ProtectedTargets {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Set<String> users = new HashSet<>();
  private final Set<String> groups = new HashSet<>();
  private final Set<String> policies = new HashSet<>();

  public ProtectedTargets(TenantSettings.Guardrails g) {
    g.protectedUsers().forEach(v -> users.add(norm(v)));
    g.protectedGroups().forEach(v -> groups.add(norm(v)));
    g.protectedPolicies().forEach(v -> policies.add(norm(v)));
  }

  /** The first protected reference among the recommendation's target and subjects. */
  public Optional<Ref> firstProtected(String recommendationJson) {
    for (Ref r : refs(recommendationJson)) {
      if (protects(r)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  boolean protects(Ref r) {
    Set<String> set;
    switch (r.kind()) {
      case "user" -> set = users;
      case "group" -> set = groups;
      case "policy" -> set = policies;
      default -> {
        return false;
      }
    }
    return set.contains(norm(r.id())) || (r.name() != null && set.contains(norm(r.name())));
  }

  /** Target first, then subjects, as written by the recommendations document. */
  static List<Ref> refs(String recommendationJson) {
    JsonNode root = JSON.readTree(recommendationJson);
    List<Ref> refs = new ArrayList<>();
    refs.add(ref(root.path("target")));
    for (JsonNode s : root.path("subjects")) {
      refs.add(ref(s));
    }
    return refs;
  }

  private static Ref ref(JsonNode n) {
    JsonNode name = n.get("name");
    return new Ref(
        n.path("kind").asString(),
        n.path("id").asString(),
        name == null || name.isNull() ? null : name.asString());
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}

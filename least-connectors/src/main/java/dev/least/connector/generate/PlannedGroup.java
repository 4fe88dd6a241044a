package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.model.GroupKind;
import dev.least.model.Source;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A group on one platform. Entra dynamic groups carry their {@code membershipRule}; Okta groups fed
 * by a group rule carry the rule's expression and id.
 *
 * @param members user indices, ascending
 */
record PlannedGroup(
    Source platform,
    String id,
    String name,
    String description,
    GroupKind kind,
    @Nullable String rule,
    @Nullable String ruleId,
    int[] members,
    boolean roleAssignable,
    boolean builtIn,
    Instant created) {
  PlannedGroup {
    requireNonNull(platform, "platform");
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    members = members.clone();
    java.util.Arrays.sort(members);
  }
}

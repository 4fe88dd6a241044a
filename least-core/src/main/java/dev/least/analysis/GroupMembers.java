package dev.least.analysis;

import dev.least.model.GroupMembership;
import dev.least.model.PrincipalKind;
import dev.least.model.TenantSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Direct user members per group id, sorted for stable output. */
final class GroupMembers {
  private GroupMembers() {}

  static Map<String, Set<String>> directUsers(TenantSnapshot s) {
    Map<String, Set<String>> m = new HashMap<>();
    for (GroupMembership gm : s.memberships()) {
      if (gm.member().kind() == PrincipalKind.USER) {
        m.computeIfAbsent(gm.group().value(), k -> new TreeSet<>()).add(gm.member().id());
      }
    }
    return m;
  }
}

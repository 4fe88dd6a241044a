package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A direct member of a group (a user, or a nested group). */
public record GroupMembership(GroupId group, Principal member) {
  public GroupMembership {
    requireNonNull(group, "group");
    requireNonNull(member, "member");
  }
}

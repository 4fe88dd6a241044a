package dev.least.roles;

/** Mines a role set from a user × entitlement matrix. */
public interface RoleMiner {
  RoleSet mine(AssignmentMatrix matrix);
}

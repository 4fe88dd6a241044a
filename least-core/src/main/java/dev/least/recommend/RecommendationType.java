package dev.least.recommend;

/** The contract's fixed type vocabulary; {@link #wire()} is the JSON spelling. */
public enum RecommendationType {
  POLICY_EXCLUSION,
  ADD_TRUSTED_LOCATION,
  RETIRE_POLICY,
  CONSOLIDATE_POLICIES,
  BLOCK_LEGACY_AUTH,
  MFA_COVERAGE_GAP,
  RESTRICT_LOCATION,
  RELAX_MFA_FREQUENCY,
  DISABLE_STALE_ACCOUNT,
  DEPROVISION_ORPHAN,
  REMOVE_UNUSED_ACCESS,
  DYNAMIC_GROUP_RULE,
  MERGE_GROUPS,
  ROLE_CANDIDATE,
  SOD_CONFLICT,
  MFA_FATIGUE,
  IMPOSSIBLE_TRAVEL;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

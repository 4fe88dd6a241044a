package dev.least.connector.entra;

import dev.least.policy.entra.ConditionalAccessPolicy;
import tools.jackson.databind.JsonNode;

/** Parses a single Graph {@code conditionalAccessPolicy} body, e.g. a what-if change file. */
public final class EntraPolicyBodies {
  private EntraPolicyBodies() {}

  /**
   * The policy in {@code body}; {@code fallbackId} names a new policy that has no id yet.
   *
   * @throws dev.least.connector.json.BadRecordException naming the field when the body is invalid
   */
  public static ConditionalAccessPolicy conditionalAccessPolicy(JsonNode body, String fallbackId) {
    return ConditionalAccessPolicyMapper.map(body, fallbackId);
  }
}

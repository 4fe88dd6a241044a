package dev.least.connector.okta;

import dev.least.policy.okta.OktaRule;
import tools.jackson.databind.JsonNode;

/** Parses a single Okta policy rule body, e.g. a what-if change file. */
public final class OktaPolicyBodies {
  private OktaPolicyBodies() {}

  /**
   * The rule in {@code body}.
   *
   * @throws dev.least.connector.json.BadRecordException naming the field when the body is invalid
   */
  public static OktaRule rule(JsonNode body) {
    return OktaPolicyMapper.rule(OktaNode.of(body));
  }
}

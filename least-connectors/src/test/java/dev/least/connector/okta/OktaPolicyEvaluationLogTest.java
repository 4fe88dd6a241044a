package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.SignInEvent;
import dev.least.model.SignInOutcome;
import dev.least.model.TriState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy.evaluate_sign_on} in the two target shapes of shared/reference
 * okta-policy-semantics.md §3.2: Classic / global session (PolicyEntity + PolicyRule) and Identity
 * Engine app policy (AppInstance + Rule, policy found through the app's access policy).
 */
class OktaPolicyEvaluationLogTest {
  @TempDir Path dir;

  private static final String CLASSIC =
      "{\"uuid\":\"4b7e9c10-9e81-11f1-9a63-1d4f7b2e8c05\",\"published\":\"2026-08-20T08:15:02.114Z\","
          + "\"eventType\":\"policy.evaluate_sign_on\",\"legacyEventType\":null,"
          + "\"actor\":{\"id\":\"00u1dana\",\"type\":\"User\",\"alternateId\":\"dana@example.com\"},"
          + "\"client\":{\"zone\":\"null\",\"ipAddress\":\"198.51.100.23\"},"
          + "\"authenticationContext\":{\"authenticationStep\":0},"
          + "\"debugContext\":{\"debugData\":{\"risk\":\"{reasons=Anomalous Device, level=HIGH}\","
          + "\"behaviors\":\"{New Device=POSITIVE}\"}},"
          + "\"outcome\":{\"result\":\"CHALLENGE\",\"reason\":\"Sign-on policy evaluation resulted in"
          + " CHALLENGE\"},"
          + "\"target\":[{\"alternateId\":\"unknown\",\"detailEntry\":{\"policyType\":\"OktaSignOn\"},"
          + "\"displayName\":\"Default Policy\",\"id\":\"00p1global\",\"type\":\"PolicyEntity\"},"
          + "{\"alternateId\":\"00p1global\",\"detailEntry\":null,\"displayName\":\"Require MFA\","
          + "\"id\":\"0pr1mfa\",\"type\":\"PolicyRule\"}]}";

  private static final String IDENTITY_ENGINE =
      "{\"uuid\":\"5c8f0d21-9e81-11f1-9a63-1d4f7b2e8c05\",\"published\":\"2026-08-20T08:16:00Z\","
          + "\"eventType\":\"policy.evaluate_sign_on\","
          + "\"actor\":{\"id\":\"00u1dana\",\"type\":\"User\",\"alternateId\":\"dana@example.com\"},"
          + "\"debugContext\":{\"debugData\":{\"authMethodFirstType\":\"PASSWORD\","
          + "\"authMethodSecondType\":\"OKTA_VERIFY_PUSH\"}},"
          + "\"outcome\":{\"result\":\"ALLOW\",\"reason\":\"Sign-on policy evaluation resulted in"
          + " AUTHENTICATED\"},"
          + "\"target\":[{\"id\":\"0oaSalesforce\",\"type\":\"AppInstance\",\"displayName\":"
          + "\"Salesforce.com\",\"detailEntry\":{\"signOnModeType\":\"SAML_2_0\"}},"
          + "{\"id\":\"rul1catchall\",\"type\":\"Rule\",\"displayName\":\"Catch-all Rule\","
          + "\"alternateId\":\"unknown\",\"detailEntry\":{\"policyRuleFactorMode\":\"2FA\"}}]}";

  private static final String APPS =
      "[{\"id\":\"0oaSalesforce\",\"label\":\"Salesforce.com\",\"status\":\"ACTIVE\","
          + "\"_links\":{\"accessPolicy\":{\"href\":"
          + "\"https://example.okta.com/api/v1/policies/rst1salesforce\"}}}]";

  @Test
  void classicEvaluationWhenReadThenPolicyAndRuleFromTargetsAndChallengeMeansMfaRequired() {
    SnapshotFolder folder = new SnapshotFolder(dir).write("okta/logs.jsonl", CLASSIC);

    SnapshotReadResult r = folder.read();

    SignInEvent e = r.snapshot().signIns().get(0);
    assertThat(e.policyResults())
        .containsExactly(new LoggedPolicyResult("00p1global", "0pr1mfa", PolicyResult.CHALLENGE));
    assertThat(e.outcome()).isEqualTo(SignInOutcome.INTERRUPTED);
    assertThat(e.mfaRequired()).isEqualTo(TriState.TRUE);
    assertThat(e.riskLevel()).hasToString("HIGH");
  }

  @Test
  void identityEngineEvaluationWhenAppKnownThenPolicyIsTheAppsAccessPolicy() {
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .write("okta/apps.json", APPS)
            .write("okta/logs.jsonl", IDENTITY_ENGINE);

    SnapshotReadResult r = folder.read();

    SignInEvent e = r.snapshot().signIns().get(0);
    assertThat(e.policyResults())
        .containsExactly(
            new LoggedPolicyResult("rst1salesforce", "rul1catchall", PolicyResult.ALLOW));
    assertThat(e.appId()).isEqualTo("0oaSalesforce");
    assertThat(e.mfaRequired()).isEqualTo(TriState.TRUE);
    assertThat(e.mfaPerformed()).isEqualTo(TriState.TRUE);
    assertThat(e.mfaMethod()).isEqualTo("OKTA_VERIFY_PUSH");
    assertThat(e.outcome()).isEqualTo(SignInOutcome.SUCCESS);
  }

  @Test
  void identityEngineEvaluationWhenAppUnknownThenNoPolicyResult() {
    SnapshotFolder folder = new SnapshotFolder(dir).write("okta/logs.jsonl", IDENTITY_ENGINE);

    SnapshotReadResult r = folder.read();

    assertThat(r.snapshot().signIns().get(0).policyResults()).isEmpty();
  }
}

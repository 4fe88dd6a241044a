package dev.least.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.least.app.audit.AuditRow;
import dev.least.app.audit.Verification;
import dev.least.app.store.ExceptionEvent;
import dev.least.app.store.ExceptionFilter;
import dev.least.app.store.StoredException;
import dev.least.app.store.TestDatabase;
import dev.least.model.TenantSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy exceptions over the real repositories and the bundled demo tenant, on H2 and PostgreSQL.
 * Demo facts used: alan.turing holds Security Reader (not privileged) through nested groups and
 * reports to linus.t; grace.hopper is Global Administrator; CA002 blocks legacy authentication
 * (high criticality); CA004 is report-only (low); no sign-in carries risk.
 */
class ExceptionWorkflowTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Actor ANA = new Actor("ana", Role.ANALYST);
  static final Actor BOB = new Actor("bob", Role.APPROVER);
  static final Actor RITA = new Actor("rita", Role.APPROVER);
  static final String ALAN = "alan.turing@contoso.com";
  static final String ALAN_ID = "9531985d-5d9d-49f8-9818-e811892f902b";
  static final String CA004 = "CA004 Compliant device for ERP (report-only)";
  static final String CA004_ID = "ca02135e-92b1-43f2-8ede-0d7ac3baea9e";

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", (Supplier<TestDatabase>) TestDatabase::h2),
        Arguments.of("postgresql", (Supplier<TestDatabase>) TestDatabase::postgres));
  }

  static ExceptionWorkflow.Request entra(String policy, String subject, int days) {
    return new ExceptionWorkflow.Request(
        "contoso-demo", "entra", policy, null, subject, "ERP vendor visit without a laptop", days);
  }

  static void assertRefused(TransitionRefused.Reason reason, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            TransitionRefused.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  static JsonNode feature(StoredException e, String name) {
    for (JsonNode f : JSON.readTree(e.riskJson()).get("features")) {
      if (f.get("feature").asString().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no feature " + name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void requestWhenLowRiskThenActiveAtOnceAndExpiryRecordsTheRevertInAnIntactChain(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      t.importDemo();
      StoredException e = t.exceptionWorkflow.request(entra(CA004, ALAN, 5), ANA);
      // 12.5 (Security Reader) + 6 (report-only: low) + 0.83 (5 of 90 days)
      assertThat(e.riskScore()).isEqualTo(19.33);
      assertThat(e.riskBand()).isEqualTo("low");
      assertThat(e.route()).isEqualTo("auto_approve");
      assertThat(e.state()).isEqualTo(ExceptionState.ACTIVE);
      assertThat(e.expiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofDays(5)));
      assertThat(feature(e, "privileged_roles").get("evidence").asString())
          .contains("Security Reader");
      JsonNode grant = JSON.readTree(e.patchJson()).get("operations").get(0);
      assertThat(grant.get("method").asString()).isEqualTo("PATCH");
      assertThat(grant.get("path").asString())
          .isEqualTo("/identity/conditionalAccess/policies/" + CA004_ID);
      assertThat(grant.at("/body/conditions/users/excludeUsers").toString())
          .contains(ALAN_ID)
          .contains("0fd630f1-f29d-4da9-953f-48f1a09f76b5");
      JsonNode revert = JSON.readTree(e.revertPatchJson()).get("operations").get(0);
      assertThat(revert.at("/body/conditions/users/excludeUsers").toString())
          .doesNotContain(ALAN_ID)
          .contains("0fd630f1-f29d-4da9-953f-48f1a09f76b5");
      assertThat(t.exceptions.events(e.id()))
          .extracting(ExceptionEvent::to)
          .containsExactly(
              ExceptionState.REQUESTED, ExceptionState.AUTO_APPROVED, ExceptionState.ACTIVE);

      t.clock.advance(Duration.ofDays(4));
      assertThat(t.exceptionWorkflow.expireDue()).isEmpty();
      t.clock.advance(Duration.ofDays(1));
      assertThat(t.exceptionWorkflow.expireDue()).containsExactly(e.id());
      assertThat(t.exceptionWorkflow.expireDue()).isEmpty();
      assertThat(t.exceptions.find(e.id()).orElseThrow().state()).isEqualTo(ExceptionState.EXPIRED);
      List<AuditRow> rows = t.audit.rows(1, 1000);
      AuditRow last = rows.get(rows.size() - 1);
      assertThat(last.entry().actor()).isEqualTo("system");
      assertThat(last.entry().action()).isEqualTo("exception_expiry");
      assertThat(last.entry().entityId()).isEqualTo(Long.toString(e.id()));
      assertThat(last.entry().fromState()).isEqualTo("active");
      assertThat(last.entry().toState()).isEqualTo("expired");
      assertThat(last.entry().rationale())
          .contains("automatic revert recorded")
          .contains("PATCH /identity/conditionalAccess/policies/" + CA004_ID);
      assertThat(rows)
          .filteredOn(r -> r.entry().entityType().equals("policy_exception"))
          .extracting(r -> r.entry().toState())
          .containsExactly("requested", "auto_approved", "active", "expired");
      assertThat(t.audit.verify()).isEqualTo(new Verification.Intact(rows.size()));

      // the expired exception is history for the next request of the same person
      StoredException again = t.exceptionWorkflow.request(entra(CA004, ALAN, 5), ANA);
      assertThat(feature(again, "history").get("value").asDouble())
          .isCloseTo(1 / 3.0, within(1e-9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void requestWhenMediumRiskThenOnlyTheHrManagerDecides(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      t.importDemo();
      StoredException e =
          t.exceptionWorkflow.request(entra("CA002 Block legacy authentication", ALAN, 90), ANA);
      // 12.5 + 20 (blocks) + 15 (90 days)
      assertThat(e.riskScore()).isEqualTo(47.5);
      assertThat(e.state()).isEqualTo(ExceptionState.PENDING_MANAGER);
      assertThat(e.decider()).isEqualTo("linus.t@contoso.com");
      assertRefused(
          TransitionRefused.Reason.ROLE,
          () ->
              t.exceptionWorkflow.decide(
                  e.id(), ExceptionWorkflow.Decision.APPROVE, BOB, e.version(), null));
      Actor linus = new Actor("linus.t@contoso.com", Role.VIEWER);
      StoredException active =
          t.exceptionWorkflow.decide(
              e.id(), ExceptionWorkflow.Decision.APPROVE, linus, e.version(), "ok for the trip");
      assertThat(active.state()).isEqualTo(ExceptionState.ACTIVE);
      assertThat(active.decidedBy()).isEqualTo("linus.t@contoso.com");
      assertRefused(
          TransitionRefused.Reason.ROLE,
          () ->
              t.exceptionWorkflow.decide(
                  e.id(), ExceptionWorkflow.Decision.REVOKE, linus, active.version(), "done"));
      StoredException revoked =
          t.exceptionWorkflow.decide(
              e.id(), ExceptionWorkflow.Decision.REVOKE, BOB, active.version(), "trip cancelled");
      assertThat(revoked.state()).isEqualTo(ExceptionState.REVOKED);
      assertThat(t.audit.verify()).isInstanceOf(Verification.Intact.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void decideWhenHighRiskThenSecurityDecidesAndNeitherRequesterNorSubjectMay(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      t.importDemo();
      StoredException e =
          t.exceptionWorkflow.request(
              entra("CA002 Block legacy authentication", "grace.hopper@contoso.com", 90), RITA);
      // 25 (Global Administrator) + 20 + 15
      assertThat(e.riskScore()).isEqualTo(60.0);
      assertThat(e.riskBand()).isEqualTo("high");
      assertThat(e.state()).isEqualTo(ExceptionState.PENDING_SECURITY);
      for (Actor self : List.of(RITA, new Actor("grace.hopper@contoso.com", Role.ADMIN))) {
        assertRefused(
            TransitionRefused.Reason.SELF_APPROVAL,
            () ->
                t.exceptionWorkflow.decide(
                    e.id(), ExceptionWorkflow.Decision.APPROVE, self, e.version(), null));
      }
      assertRefused(
          TransitionRefused.Reason.ROLE,
          () ->
              t.exceptionWorkflow.decide(
                  e.id(), ExceptionWorkflow.Decision.APPROVE, ANA, e.version(), null));
      assertRefused(
          TransitionRefused.Reason.COMMENT_REQUIRED,
          () ->
              t.exceptionWorkflow.decide(
                  e.id(), ExceptionWorkflow.Decision.REJECT, BOB, e.version(), " "));
      StoredException rejected =
          t.exceptionWorkflow.decide(
              e.id(), ExceptionWorkflow.Decision.REJECT, BOB, e.version(), "admins keep MFA");
      assertThat(rejected.state()).isEqualTo(ExceptionState.REJECTED);
      assertRefused(
          TransitionRefused.Reason.ILLEGAL_TRANSITION,
          () ->
              t.exceptionWorkflow.decide(
                  e.id(), ExceptionWorkflow.Decision.APPROVE, BOB, rejected.version(), null));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void requestWhenPolicyOrPersonProtectedThenRefusedAndNothingStored(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      SnapshotImport.Imported imported = t.importDemo();
      TenantSettings.Guardrails g = t.tenants.guardrails(imported.tenant().id());
      t.tx.executeWithoutResult(
          s ->
              t.tenants.replaceGuardrails(
                  imported.tenant().id(),
                  new TenantSettings.Guardrails(
                      g.protectedUsers(),
                      g.protectedGroups(),
                      List.of("ca003 mfa outside trusted locations"))));
      int rows = t.audit.rows(1, 1000).size();
      assertThatThrownBy(
              () ->
                  t.exceptionWorkflow.request(
                      entra("13deef86-ab10-41d0-b646-e1f40a097c97", ALAN, 1), ANA))
          .isInstanceOfSatisfying(
              TransitionRefused.class,
              r -> {
                assertThat(r.reason()).isEqualTo(TransitionRefused.Reason.GUARDRAIL);
                assertThat(r.getMessage()).contains("CA003").contains("never be excepted");
              });
      // breakglass1 is protected by the demo's least.yaml
      assertRefused(
          TransitionRefused.Reason.GUARDRAIL,
          () -> t.exceptionWorkflow.request(entra(CA004, "breakglass1@contoso.com", 1), ANA));
      assertThat(
              t.exceptions
                  .page(new ExceptionFilter(null, null, null, null, null, null), 0, 10)
                  .total())
          .isZero();
      assertThat(t.audit.rows(1, 1000)).hasSize(rows);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void requestWhenBadInputOrDuplicateThenRefusedNamingTheProblem(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      t.importDemo();
      assertThatThrownBy(() -> t.exceptionWorkflow.request(entra("CA999 nothing", ALAN, 3), ANA))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'CA999 nothing'");
      assertThatThrownBy(() -> t.exceptionWorkflow.request(entra(CA004, ALAN, 91), ANA))
          .hasMessageContaining("between 1 and 90 but was 91");
      assertThatThrownBy(() -> t.exceptionWorkflow.request(entra(CA004, "nobody@x", 3), ANA))
          .hasMessageContaining("'nobody@x'");
      assertThatThrownBy(
              () ->
                  t.exceptionWorkflow.request(
                      entra("CA003 MFA outside trusted locations", "svc-backup@contoso.com", 3),
                      ANA))
          .hasMessageContaining("already excluded");
      t.exceptionWorkflow.request(entra(CA004, ALAN, 3), ANA);
      assertRefused(
          TransitionRefused.Reason.DUPLICATE,
          () -> t.exceptionWorkflow.request(entra(CA004, ALAN, 3), ANA));
      // a second person asking for the same policy sees one peer
      StoredException ada =
          t.exceptionWorkflow.request(entra(CA004, "ada.lovelace@contoso.com", 3), ANA);
      assertThat(feature(ada, "peers").get("value").asDouble()).isEqualTo(0.1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void requestWhenOktaRuleThenRulePutWithPersonExcludedAndRevertIsTheOriginal(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      t.importDemo();
      StoredException e =
          t.exceptionWorkflow.request(
              new ExceptionWorkflow.Request(
                  "contoso-demo",
                  "okta",
                  "CRM access",
                  "Finance 2FA",
                  "ada.lovelace@contoso.com",
                  "hardware key lost",
                  3),
              ANA);
      assertThat(e.ruleId()).isEqualTo("0prcrmfinance000000");
      assertThat(feature(e, "policy_criticality").get("value").asDouble()).isEqualTo(0.6);
      assertThat(e.state()).isEqualTo(ExceptionState.ACTIVE);
      JsonNode put = JSON.readTree(e.patchJson()).get("operations").get(0);
      assertThat(put.get("method").asString()).isEqualTo("PUT");
      assertThat(put.get("path").asString())
          .isEqualTo("/api/v1/policies/rstcrm0000000000000/rules/0prcrmfinance000000");
      assertThat(put.at("/body/conditions/people/users/exclude").toString())
          .contains("00u4qeqpno35ye4scmej");
      assertThat(put.at("/body/conditions/people/groups/include").toString())
          .contains("00gfin0000000000000");
      JsonNode revert = JSON.readTree(e.revertPatchJson()).get("operations").get(0);
      assertThat(revert.at("/body/conditions/people/users").isMissingNode()).isTrue();
      assertThatThrownBy(
              () ->
                  t.exceptionWorkflow.request(
                      new ExceptionWorkflow.Request(
                          "contoso-demo",
                          "okta",
                          "CRM access",
                          "Catch-all Rule",
                          "alan.turing@contoso.com",
                          "x",
                          3),
                      ANA))
          .hasMessageContaining("system rule");
    }
  }
}

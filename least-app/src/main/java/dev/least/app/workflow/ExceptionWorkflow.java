package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import dev.least.app.audit.AuditEntry;
import dev.least.app.audit.AuditLog;
import dev.least.app.store.PolicyExceptionRepository;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.StoredException;
import dev.least.app.store.StoredSnapshot;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.model.Account;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaRule;
import dev.least.policyexception.ExceptionFeature;
import dev.least.policyexception.ExceptionRiskModel;
import dev.least.policyexception.ExceptionRouting;
import dev.least.policyexception.PolicyCriticality;
import dev.least.policyexception.SubjectFacts;
import dev.least.recommend.Ref;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The life of a policy exception: a request is scored from the tenant's latest snapshot ({@link
 * ExceptionRiskModel}), routed ({@link ExceptionRouting}: approved automatically, or to the
 * person's manager, or to the security team), decided, activated (the exclusion patch is recorded,
 * not sent), and ends by expiry (an automatic revert by {@code system}) or revocation. Every
 * transition writes an event and an audit row in its own transaction.
 *
 * <p>Refusals: a protected policy (or protected person) can never be excepted; nobody decides on an
 * exception they requested or that is for themselves; a manager-routed request is decided by that
 * manager only (a Least user whose name is the manager's e-mail), a security-routed one by the
 * approver role.
 */
public final class ExceptionWorkflow {
  /** The actor of automatic transitions (routing, auto-approval, expiry). */
  public static final String SYSTEM = "system";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PolicyExceptionRepository exceptions;
  private final SnapshotRepository snapshots;
  private final TenantRepository tenants;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SnapshotLoader loader;
  private final ExceptionRouting.Limits limits;
  private final String engineVersion;

  public ExceptionWorkflow(
      PolicyExceptionRepository exceptions,
      SnapshotRepository snapshots,
      TenantRepository tenants,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      SnapshotLoader loader,
      ExceptionRouting.Limits limits,
      String engineVersion) {
    this.exceptions = requireNonNull(exceptions, "exceptions");
    this.snapshots = requireNonNull(snapshots, "snapshots");
    this.tenants = requireNonNull(tenants, "tenants");
    this.audit = requireNonNull(audit, "audit");
    this.tx = requireNonNull(tx, "tx");
    this.clock = requireNonNull(clock, "clock");
    this.loader = requireNonNull(loader, "loader");
    this.limits = requireNonNull(limits, "limits");
    this.engineVersion = requireNonNull(engineVersion, "engineVersion");
  }

  public ExceptionRouting.Limits limits() {
    return limits;
  }

  /**
   * What a person asks: exclude {@code subject} (account id or login) from {@code policy} (id or
   * name; Okta: optionally only from {@code rule}) of {@code platform} (entra, okta) for {@code
   * durationDays}, because {@code reason}.
   */
  public record Request(
      String tenant,
      String platform,
      String policy,
      @Nullable String rule,
      String subject,
      String reason,
      int durationDays) {
    public Request {
      requireNonNull(tenant, "tenant");
      requireNonNull(platform, "platform");
      requireNonNull(policy, "policy");
      requireNonNull(subject, "subject");
      requireNonNull(reason, "reason");
    }
  }

  /** A decision on an exception. */
  public enum Decision {
    APPROVE,
    REJECT,
    REVOKE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Decision fromWire(String wire) {
      for (Decision d : values()) {
        if (d.wire().equals(wire)) {
          return d;
        }
      }
      throw new IllegalArgumentException(
          "Expected an action approve, reject or revoke but was '" + wire + "'");
    }
  }

  private record Target(
      String policyId,
      String policyName,
      @Nullable String ruleId,
      PolicyCriticality.Rated criticality,
      ExceptionPatches.Pair patches,
      boolean alreadyExcluded) {}

  /** Scores, stores and routes a request; low risk within the limits is active at once. */
  public StoredException request(Request req, Actor actor) {
    if (req.reason().isBlank()) {
      throw new IllegalArgumentException(
          "reason must not be blank: say why the exception is needed");
    }
    if (req.durationDays() < 1 || req.durationDays() > limits.maxDurationDays()) {
      throw new IllegalArgumentException(
          "durationDays must be between 1 and "
              + limits.maxDurationDays()
              + " but was "
              + req.durationDays());
    }
    Source platform =
        switch (req.platform()) {
          case "entra" -> Source.ENTRA;
          case "okta" -> Source.OKTA;
          default ->
              throw new IllegalArgumentException(
                  "Expected platform entra or okta but was '" + req.platform() + "'");
        };
    Tenant tenant =
        tenants
            .find(req.tenant())
            .orElseThrow(
                () ->
                    new TransitionRefused(
                        TransitionRefused.Reason.NOT_FOUND, "no tenant '" + req.tenant() + "'"));
    StoredSnapshot snap =
        snapshots
            .latestOf(tenant.id())
            .orElseThrow(
                () ->
                    new TransitionRefused(
                        TransitionRefused.Reason.NOT_FOUND,
                        "tenant " + tenant.name() + " has no imported snapshot"));
    TenantSnapshot data = loader.load(snap);
    Account subject =
        SubjectFacts.find(data, platform, req.subject())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no "
                            + req.platform()
                            + " account '"
                            + req.subject()
                            + "' in snapshot "
                            + snap.id()));
    Target target = resolve(data, platform, req.policy(), req.rule(), subject, snap.id());
    guard(
        tenant.id(), target.policyId(), target.policyName(), subject.id().value(), subject.login());
    if (target.alreadyExcluded()) {
      throw new IllegalArgumentException(
          subject.login() + " is already excluded from " + target.policyName());
    }
    SubjectFacts facts = SubjectFacts.of(data, subject);
    StoredException stored =
        tx.execute(status -> store(req, actor, tenant, snap, subject, target, facts));
    return requireNonNull(stored, "stored");
  }

  private StoredException store(
      Request req,
      Actor actor,
      Tenant tenant,
      StoredSnapshot snap,
      Account subject,
      Target target,
      SubjectFacts facts) {
    String subjectId = subject.id().value();
    if (exceptions.countOpen(tenant.id(), target.policyId(), target.ruleId(), subjectId) > 0) {
      throw new TransitionRefused(
          TransitionRefused.Reason.DUPLICATE,
          subject.login() + " already has an open or active exception from " + target.policyName());
    }
    int peers =
        exceptions.countPeers(tenant.id(), target.policyId(), subjectId, ExceptionState.HELD);
    int history =
        exceptions.countForSubject(
            tenant.id(), subjectId, EnumSet.of(ExceptionState.EXPIRED, ExceptionState.REVOKED));
    int active = exceptions.countForSubject(tenant.id(), subjectId, ExceptionState.HELD);
    Map<ExceptionFeature, ExceptionRiskModel.Value> values = new EnumMap<>(ExceptionFeature.class);
    values.put(ExceptionFeature.PRIVILEGED_ROLES, facts.privilegeFeature());
    values.put(
        ExceptionFeature.POLICY_CRITICALITY, ExceptionRiskModel.criticality(target.criticality()));
    values.put(ExceptionFeature.USER_RISK, facts.userRiskFeature());
    values.put(ExceptionFeature.RECENT_SIGN_IN_RISK, facts.recentRiskFeature());
    values.put(ExceptionFeature.DURATION, ExceptionRiskModel.duration(req.durationDays()));
    values.put(ExceptionFeature.PEERS, ExceptionRiskModel.peers(peers));
    values.put(ExceptionFeature.HISTORY, ExceptionRiskModel.history(history));
    ExceptionRiskModel.Assessment risk = ExceptionRiskModel.assess(values);
    ExceptionRouting.Routing routing =
        ExceptionRouting.route(
            risk.band(), req.durationDays(), active, facts.managerEmail(), limits);
    Instant now = clock.instant();
    StoredException e =
        exceptions.insert(
            new StoredException(
                0,
                tenant.id(),
                snap.id(),
                req.platform(),
                target.policyId(),
                target.policyName(),
                target.ruleId(),
                subjectId,
                subject.login(),
                actor.name(),
                req.reason().trim(),
                req.durationDays(),
                ExceptionState.REQUESTED,
                0,
                risk.score(),
                risk.band().wire(),
                riskJson(risk, routing, facts),
                routing.route().wire(),
                routing.decider(),
                null,
                now,
                now,
                null,
                null,
                target.patches().grant(),
                target.patches().revert()));
    exceptions.addEvent(e.id(), null, ExceptionState.REQUESTED, actor.name(), now, e.reason());
    audit.append(
        entry(
            actor.name(),
            "exception_request",
            e,
            null,
            ExceptionState.REQUESTED,
            snap.checksum(),
            "exclude "
                + e.subjectLogin()
                + " from "
                + e.policyName()
                + " for "
                + e.durationDays()
                + " day(s): "
                + e.reason()
                + "; risk "
                + risk.score()
                + " ("
                + risk.band().wire()
                + ")"));
    switch (routing.route()) {
      case AUTO_APPROVE -> {
        StoredException approved =
            move(
                e, ExceptionState.AUTO_APPROVED, SYSTEM, routing.why(), snap.checksum(), now, null);
        return activate(approved, SYSTEM, snap.checksum(), now);
      }
      case MANAGER -> {
        return move(
            e, ExceptionState.PENDING_MANAGER, SYSTEM, routing.why(), snap.checksum(), now, null);
      }
      case SECURITY -> {
        return move(
            e, ExceptionState.PENDING_SECURITY, SYSTEM, routing.why(), snap.checksum(), now, null);
      }
    }
    throw new IllegalStateException("unrouted " + routing.route());
  }

  /** Approves, rejects or revokes exception {@code id} seen at {@code expectedVersion}. */
  public StoredException decide(
      long id, Decision decision, Actor actor, int expectedVersion, @Nullable String comment) {
    StoredException r =
        tx.execute(status -> doDecide(id, decision, actor, expectedVersion, comment));
    return requireNonNull(r, "result");
  }

  private StoredException doDecide(
      long id, Decision decision, Actor actor, int expectedVersion, @Nullable String comment) {
    StoredException e = find(id);
    if (e.version() != expectedVersion) {
      throw stale(e, expectedVersion);
    }
    String checksum = checksum(e);
    Instant now = clock.instant();
    if (decision == Decision.REVOKE) {
      if (!actor.role().atLeast(Role.APPROVER)) {
        throw new TransitionRefused(
            TransitionRefused.Reason.ROLE,
            "revoking an exception needs the role approver or above");
      }
      requireComment(decision, comment);
      legal(e, ExceptionState.REVOKED, decision);
      return move(
          e,
          ExceptionState.REVOKED,
          actor.name(),
          "revoked; revert patch recorded for export, not sent: " + comment,
          checksum,
          now,
          null);
    }
    ExceptionState to =
        decision == Decision.APPROVE ? ExceptionState.APPROVED : ExceptionState.REJECTED;
    legal(e, to, decision);
    if (actor.name().equals(e.requester())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.SELF_APPROVAL,
          actor.name() + " requested this exception and cannot decide on it");
    }
    if (actor.name().equalsIgnoreCase(e.subjectLogin())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.SELF_APPROVAL,
          actor.name() + " is the person this exception is for and cannot decide on it");
    }
    if (e.state() == ExceptionState.PENDING_MANAGER) {
      if (e.decider() == null || !actor.name().equalsIgnoreCase(e.decider())) {
        throw new TransitionRefused(
            TransitionRefused.Reason.ROLE,
            "this exception was routed to the manager " + e.decider() + ", who alone decides");
      }
    } else if (!actor.role().atLeast(Role.APPROVER)) {
      throw new TransitionRefused(
          TransitionRefused.Reason.ROLE,
          "this exception was routed to the security team: deciding needs the role approver");
    }
    if (decision == Decision.REJECT) {
      requireComment(decision, comment);
      return move(e, to, actor.name(), comment, checksum, now, actor.name());
    }
    guard(e.tenantId(), e.policyId(), e.policyName(), e.subjectId(), e.subjectLogin());
    StoredException approved = move(e, to, actor.name(), comment, checksum, now, actor.name());
    return activate(approved, actor.name(), checksum, now);
  }

  /**
   * Expires every active exception whose end has passed (by the injected clock), each in its own
   * transaction, recording the automatic revert with actor {@code system}. Returns the ids expired.
   */
  public List<Long> expireDue() {
    Instant now = clock.instant();
    List<Long> expired = new ArrayList<>();
    for (long id : exceptions.dueForExpiry(now, 1000)) {
      Boolean done =
          tx.execute(
              status -> {
                StoredException e = find(id);
                Instant end = e.expiresAt();
                if (e.state() != ExceptionState.ACTIVE || end == null || end.isAfter(now)) {
                  return false;
                }
                if (!exceptions.moveState(
                    e.id(),
                    e.state(),
                    e.version(),
                    ExceptionState.EXPIRED,
                    now,
                    null,
                    null,
                    null)) {
                  return false; // revoked or expired by someone else meanwhile
                }
                String why =
                    "expired at "
                        + end
                        + "; automatic revert recorded for export, not sent: "
                        + operations(e.revertPatchJson());
                exceptions.addEvent(e.id(), e.state(), ExceptionState.EXPIRED, SYSTEM, now, why);
                audit.append(
                    entry(
                        SYSTEM,
                        "exception_expiry",
                        e,
                        e.state(),
                        ExceptionState.EXPIRED,
                        checksum(e),
                        why));
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        expired.add(id);
      }
    }
    return expired;
  }

  private StoredException activate(StoredException e, String actor, String checksum, Instant now) {
    Instant until = now.plus(Duration.ofDays(e.durationDays()));
    if (!exceptions.moveState(
        e.id(), e.state(), e.version(), ExceptionState.ACTIVE, now, null, now, until)) {
      throw stale(e, e.version());
    }
    String why =
        "active until "
            + until
            + "; exclusion patch recorded for export, not sent to the vendor: "
            + operations(e.patchJson());
    exceptions.addEvent(e.id(), e.state(), ExceptionState.ACTIVE, actor, now, why);
    audit.append(
        entry(actor, "exception_transition", e, e.state(), ExceptionState.ACTIVE, checksum, why));
    return find(e.id());
  }

  private StoredException move(
      StoredException e,
      ExceptionState to,
      String actor,
      @Nullable String comment,
      String checksum,
      Instant now,
      @Nullable String decidedBy) {
    if (!exceptions.moveState(e.id(), e.state(), e.version(), to, now, decidedBy, null, null)) {
      throw stale(e, e.version());
    }
    exceptions.addEvent(e.id(), e.state(), to, actor, now, comment);
    audit.append(entry(actor, "exception_transition", e, e.state(), to, checksum, comment));
    return find(e.id());
  }

  private static void legal(StoredException e, ExceptionState to, Decision d) {
    if (!e.state().canMoveTo(to)) {
      throw new TransitionRefused(
          TransitionRefused.Reason.ILLEGAL_TRANSITION,
          "cannot "
              + d.wire()
              + " an exception that is "
              + e.state().wire()
              + " (it may move to "
              + e.state().next().stream().map(ExceptionState::wire).sorted().toList()
              + ")");
    }
  }

  private static void requireComment(Decision d, @Nullable String comment) {
    if (comment == null || comment.isBlank()) {
      throw new TransitionRefused(
          TransitionRefused.Reason.COMMENT_REQUIRED, d.wire() + " needs a comment (the reason)");
    }
  }

  private void guard(
      long tenantId, String policyId, String policyName, String subjectId, String subjectLogin) {
    ProtectedTargets g = new ProtectedTargets(tenants.guardrails(tenantId));
    if (g.protects(new Ref("policy", policyId, policyName))) {
      throw new TransitionRefused(
          TransitionRefused.Reason.GUARDRAIL,
          "the policy "
              + policyName
              + " ("
              + policyId
              + ") is protected: it can never be excepted");
    }
    if (g.protects(new Ref("user", subjectId, subjectLogin))) {
      throw new TransitionRefused(
          TransitionRefused.Reason.GUARDRAIL,
          subjectLogin + " is a protected user: no exception may touch it");
    }
  }

  private static Target resolve(
      TenantSnapshot data,
      Source platform,
      String policy,
      @Nullable String rule,
      Account subject,
      long snapshotId) {
    String userId = subject.id().value();
    if (platform == Source.ENTRA) {
      if (rule != null) {
        throw new IllegalArgumentException(
            "rule is for Okta policies; Conditional Access policies have no rules");
      }
      ConditionalAccessPolicy p =
          single(
              data.conditionalAccessPolicies(),
              x -> x.id().value().equals(policy) || x.displayName().equalsIgnoreCase(policy),
              "Conditional Access policy",
              policy,
              snapshotId);
      return new Target(
          p.id().value(),
          p.displayName(),
          null,
          PolicyCriticality.of(p),
          ExceptionPatches.entra(p, userId),
          p.users().excludeUsers().contains(userId));
    }
    OktaPolicy p =
        single(
            data.oktaPolicies(),
            x -> x.id().value().equals(policy) || x.name().equalsIgnoreCase(policy),
            "Okta policy",
            policy,
            snapshotId);
    OktaRule r =
        rule == null
            ? null
            : single(
                p.rules(),
                x -> x.id().equals(rule) || x.name().equalsIgnoreCase(rule),
                "rule of " + p.name(),
                rule,
                snapshotId);
    List<OktaRule> rules = ExceptionPatches.oktaRules(p, r);
    return new Target(
        p.id().value(),
        p.name(),
        r == null ? null : r.id(),
        PolicyCriticality.of(p, r),
        ExceptionPatches.okta(p, rules, userId),
        rules.stream().allMatch(x -> x.usersExclude().contains(userId)));
  }

  private static <T> T single(
      List<T> items, Predicate<T> match, String what, String wanted, long snapshotId) {
    List<T> hits = items.stream().filter(match).toList();
    if (hits.isEmpty()) {
      throw new IllegalArgumentException(
          "no " + what + " '" + wanted + "' in snapshot " + snapshotId);
    }
    if (hits.size() > 1) {
      throw new IllegalArgumentException(
          hits.size() + " " + what + "s are named '" + wanted + "'; give the id");
    }
    return hits.get(0);
  }

  private StoredException find(long id) {
    return exceptions
        .find(id)
        .orElseThrow(
            () -> new TransitionRefused(TransitionRefused.Reason.NOT_FOUND, "no exception " + id));
  }

  private String checksum(StoredException e) {
    return snapshots
        .find(e.snapshotId())
        .orElseThrow(() -> new IllegalStateException("no snapshot " + e.snapshotId()))
        .checksum();
  }

  private TransitionRefused stale(StoredException e, int expected) {
    StoredException now = exceptions.find(e.id()).orElse(e);
    return new TransitionRefused(
        TransitionRefused.Reason.STALE_VERSION,
        "exception "
            + e.id()
            + " is at version "
            + now.version()
            + " ("
            + now.state().wire()
            + "), not "
            + expected
            + ": someone changed it first; reload and decide again");
  }

  /** "PATCH /path, PUT /path" from a recorded patch document. */
  private static String operations(String patchJson) {
    List<String> ops = new ArrayList<>();
    JSON.readTree(patchJson)
        .path("operations")
        .forEach(o -> ops.add(o.path("method").asString() + " " + o.path("path").asString()));
    return String.join(", ", ops);
  }

  private static String riskJson(
      ExceptionRiskModel.Assessment risk, ExceptionRouting.Routing routing, SubjectFacts facts) {
    ObjectNode n = JSON.createObjectNode();
    n.put("model", ExceptionRiskModel.VERSION);
    n.put("score", risk.score());
    n.put("band", risk.band().wire());
    ArrayNode features = n.putArray("features");
    for (ExceptionRiskModel.Contribution c : risk.breakdown()) {
      ObjectNode f = features.addObject();
      f.put("feature", c.feature().wire());
      f.put("weight", c.weight());
      f.put("value", c.value());
      f.put("points", c.points());
      f.put("evidence", c.evidence());
    }
    ObjectNode r = n.putObject("routing");
    r.put("route", routing.route().wire());
    r.put("decider", routing.decider());
    r.put("why", routing.why());
    ObjectNode s = n.putObject("subject");
    ArrayNode privileged = s.putArray("privilegedRoles");
    facts.privilegedRoles().forEach(privileged::add);
    ArrayNode other = s.putArray("otherRoles");
    facts.otherRoles().forEach(other::add);
    s.put("manager", facts.managerEmail());
    return JSON.writeValueAsString(n);
  }

  private AuditEntry entry(
      String actor,
      String action,
      StoredException e,
      @Nullable ExceptionState from,
      ExceptionState to,
      String checksum,
      @Nullable String rationale) {
    return new AuditEntry(
        actor,
        action,
        "policy_exception",
        Long.toString(e.id()),
        from == null ? null : from.wire(),
        to.wire(),
        checksum,
        engineVersion,
        ExceptionRiskModel.VERSION,
        rationale);
  }
}

package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.AppId;
import dev.least.model.Group;
import dev.least.model.GroupId;
import dev.least.model.GroupMembership;
import dev.least.model.HrWorker;
import dev.least.model.Manifest;
import dev.least.model.PolicyId;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.parallel.Tasks;
import dev.least.policy.SignInEvaluator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Generates a synthetic tenant: plans the organisation, plays its sign-ins through the policy
 * engines, writes the snapshot folder (contract: snapshot-format.md) and {@code truth.json}. Same
 * options, same bytes: one {@link SplittableRandom} seeded from the options, fixed capture time,
 * stable iteration orders.
 */
public final class TenantGenerator {
  private final PolicyEngines engines;
  private final Consumer<String> progress;

  public TenantGenerator(PolicyEngines engines, Consumer<String> progress) {
    this.engines = requireNonNull(engines, "engines");
    this.progress = requireNonNull(progress, "progress");
  }

  /**
   * Writes the snapshot into {@code snapshot} (created; must not exist or be empty) and the truth
   * into {@code truth}.
   *
   * @throws IllegalStateException when the background population contains an unplanted instance of
   *     a recommendation type (a generator bug, never silently written)
   */
  public GenerationResult generate(GeneratorOptions options, Path snapshot, Path truth) {
    long t0 = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(options.seed());
    Plan plan = new OrganisationPlanner(options, rnd.split()).plan();
    progress.accept(
        "planned "
            + plan.users().size()
            + " accounts, "
            + plan.groups().size()
            + " groups, "
            + plan.caPolicies().size()
            + " CA policies, "
            + plan.oktaPolicies().size()
            + " Okta policies, "
            + plan.scenarios().size()
            + " planted scenarios");
    TenantSnapshot directory = directory(plan);
    SnapshotFiles files = new SnapshotFiles(snapshot);
    try {
      Files.createDirectories(snapshot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + snapshot, e);
    }
    Ledger ledger = new Ledger(plan.users().size());
    BackgroundAudit audit = new BackgroundAudit(plan.users().size());
    boolean entra = options.platform().entra();
    boolean okta = options.platform().okta();
    FutureTask<@Nullable Void> oktaDirectory = null;
    try (EntraSignInWriter entraOut =
            entra
                ? new EntraSignInWriter(
                    files.openLog("entra/auditLogs/signIns.jsonl"), plan.caPolicies())
                : null;
        OktaLogWriter oktaOut = okta ? new OktaLogWriter(files.openLog("okta/logs.jsonl")) : null) {
      SignInEvaluator entraEngine = entra ? engines.entra(directory) : f -> unused();
      SignInEvaluator oktaEngine = okta ? engines.okta(directory) : f -> unused();
      SignInSimulator sim =
          new SignInSimulator(
              plan, ledger, entraEngine, oktaEngine, rnd.split(), entraOut, oktaOut, audit);
      sim.run();
      // the Okta directory files are written on a thread of their own while the logs drain and the
      // Entra directory files are written here (the ledger is complete once the simulation ends)
      if (okta) {
        oktaDirectory =
            new FutureTask<>(() -> new OktaDirectoryWriter(plan, ledger, files).write(), null);
        Tasks.daemonThreads("least-generate-okta-directory").newThread(oktaDirectory).start();
      }
      if (entra) {
        progress.accept("Entra policy engine: " + entraEngine);
      }
      if (okta) {
        progress.accept("Okta policy engine: " + oktaEngine);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the logs", e);
    }
    progress.accept(
        "wrote "
            + ledger.entraEvents
            + " Entra sign-ins and "
            + ledger.oktaEvents
            + " Okta events");
    if (entra) {
      new EntraDirectoryWriter(plan, ledger, files).write();
    }
    HrWriter.write(plan, files);
    manifest(plan, files);
    settings(plan, files);
    if (oktaDirectory != null) {
      Tasks.result(oktaDirectory, "writing the Okta directory files");
    }
    audit.afterSimulation(plan, ledger);
    if (!audit.violations().isEmpty()) {
      throw new IllegalStateException(
          "the background population holds unplanted instances: " + audit.violations());
    }
    Truth doc =
        new Truth(options.seed(), options.platform().wire(), plan.scenarios(), plan.decoys());
    writeTruth(doc, options, truth);
    return new GenerationResult(
        snapshot,
        truth,
        doc,
        plan.users().size(),
        ledger.entraEvents,
        ledger.oktaEvents,
        ledger.badRecords,
        System.nanoTime() - t0);
  }

  private static dev.least.policy.Evaluation unused() {
    throw new IllegalStateException("platform not generated");
  }

  /** The plan as the normalized model, for the policy engines. */
  static TenantSnapshot directory(Plan plan) {
    List<Source> sources = sources(plan.options());
    List<Account> accounts = new ArrayList<>();
    List<HrWorker> workers = new ArrayList<>();
    for (PlannedUser u : plan.users()) {
      AccountKind kind =
          switch (u.kind()) {
            case GUEST -> AccountKind.GUEST;
            case SERVICE -> AccountKind.SERVICE;
            default -> AccountKind.MEMBER;
          };
      String dept = u.department() == null ? null : u.department().name();
      if (u.entraId() != null) {
        String manager = u.manager() >= 0 ? plan.users().get(u.manager()).entraId() : null;
        accounts.add(
            new Account(
                new AccountId(u.entraId()),
                Source.ENTRA,
                u.upn(),
                u.upn(),
                u.displayName(),
                u.entraEnabled() ? AccountStatus.ACTIVE : AccountStatus.DISABLED,
                kind,
                u.employeeId(),
                dept,
                u.title(),
                manager,
                u.created(),
                null));
      }
      if (u.oktaId() != null) {
        String manager = u.manager() >= 0 ? plan.users().get(u.manager()).oktaId() : null;
        accounts.add(
            new Account(
                new AccountId(u.oktaId()),
                Source.OKTA,
                u.upn(),
                u.upn(),
                u.displayName(),
                AccountStatus.valueOf(u.oktaStatus()),
                kind,
                u.employeeId(),
                dept,
                u.title(),
                manager,
                u.created(),
                null));
      }
      if (u.employeeId() != null && u.hrStatus() != null) {
        workers.add(
            new HrWorker(
                u.employeeId(),
                u.upn(),
                u.firstName(),
                u.lastName(),
                u.hrStatus(),
                u.hireDate(),
                u.terminationDate(),
                dept,
                u.title(),
                u.manager() >= 0 ? plan.users().get(u.manager()).upn() : null,
                u.office().city(),
                u.department() == null ? null : u.department().costCenter(),
                u.workerType()));
      }
    }
    List<Group> groups = new ArrayList<>();
    List<GroupMembership> memberships = new ArrayList<>();
    for (PlannedGroup g : plan.groups()) {
      groups.add(new Group(new GroupId(g.id()), g.platform(), g.name(), g.kind(), g.rule(), true));
      for (int m : g.members()) {
        PlannedUser u = plan.users().get(m);
        String id = g.platform() == Source.ENTRA ? u.entraId() : u.oktaId();
        memberships.add(
            new GroupMembership(
                new GroupId(g.id()),
                new Principal(PrincipalKind.USER, requireNonNull(id, "member id"))));
      }
    }
    List<App> apps = new ArrayList<>();
    List<AppAssignment> assignments = new ArrayList<>();
    for (PlannedApp a : plan.apps()) {
      apps.add(
          new App(
              new AppId(a.id()),
              a.platform(),
              a.name(),
              a.clientId(),
              a.accessPolicyId() == null ? null : new PolicyId(a.accessPolicyId()),
              true));
      for (String gid : a.groups()) {
        assignments.add(
            new AppAssignment(new AppId(a.id()), new Principal(PrincipalKind.GROUP, gid)));
      }
    }
    return new TenantSnapshot(
        new Manifest(plan.options().tenant(), plan.capturedAt(), sources, generatorName(plan)),
        workers,
        accounts,
        List.of(),
        groups,
        memberships,
        apps,
        assignments,
        plan.roleDefinitions(),
        plan.roleAssignments(),
        plan.locations(),
        plan.caPolicies(),
        plan.oktaPolicies(),
        SignInLog.empty());
  }

  private static List<Source> sources(GeneratorOptions o) {
    List<Source> out = new ArrayList<>();
    if (o.platform().entra()) {
      out.add(Source.ENTRA);
    }
    if (o.platform().okta()) {
      out.add(Source.OKTA);
    }
    out.add(Source.HR);
    return out;
  }

  private static String generatorName(Plan plan) {
    GeneratorOptions o = plan.options();
    return "least generate (seed "
        + o.seed()
        + ", "
        + o.users()
        + " users, "
        + o.days()
        + " days, "
        + o.platform().wire()
        + ", "
        + o.badRecords()
        + " bad records)";
  }

  private static void manifest(Plan plan, SnapshotFiles files) {
    try (OutputStream out = files.open("manifest.json");
        JsonGenerator g = WireJson.document(out)) {
      g.writeStartObject();
      g.writeStringProperty("tenant", plan.options().tenant());
      g.writeStringProperty("capturedAt", plan.capturedAt().toString());
      g.writeName("sources");
      g.writeStartArray();
      for (Source s : sources(plan.options())) {
        g.writeString(s.folder());
      }
      g.writeEndArray();
      g.writeStringProperty("generator", generatorName(plan));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void settings(Plan plan, SnapshotFiles files) {
    Plan.Settings s = plan.settings();
    StringBuilder y = new StringBuilder();
    y.append("# Tenant settings of a generated tenant (contract: snapshot-format.md)\n");
    y.append("guardrails:\n");
    y.append("  protectedUsers: ").append(yamlList(s.protectedUsers())).append('\n');
    y.append("  protectedGroups: ").append(yamlList(s.protectedGroups())).append('\n');
    y.append("  protectedPolicies: ").append(yamlList(s.protectedPolicies())).append('\n');
    if (s.sod().isEmpty()) {
      y.append("sod: []\n");
    } else {
      y.append("sod:\n");
      for (Plan.SodRule r : s.sod()) {
        y.append("  - id: ").append(r.id()).append('\n');
        y.append("    name: ").append(quote(r.name())).append('\n');
        y.append("    left:  {groups: ").append(yamlList(r.left())).append("}\n");
        y.append("    right: {groups: ").append(yamlList(r.right())).append("}\n");
      }
    }
    y.append("thresholds:\n  staleDays: 90\n  unusedAccessDays: 90\n  retireMinAgeDays: 30\n");
    try (OutputStream out = files.open("least.yaml");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      w.write(y.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String yamlList(List<String> values) {
    List<String> q = new ArrayList<>();
    for (String v : values) {
      q.add(quote(v));
    }
    return "[" + String.join(", ", q) + "]";
  }

  private static String quote(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static void writeTruth(Truth t, GeneratorOptions o, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = WireJson.document(out)) {
      g.writeStartObject();
      g.writeNumberProperty("seed", t.seed());
      g.writeStringProperty("platform", t.platform());
      g.writeNumberProperty("users", o.users());
      g.writeNumberProperty("days", o.days());
      g.writeNumberProperty("badRecords", o.badRecords());
      g.writeName("scenarios");
      g.writeStartArray();
      for (Truth.Scenario s : t.scenarios()) {
        g.writeStartObject();
        g.writeStringProperty("type", s.type());
        g.writeStringProperty("platform", s.platform());
        g.writeName("target");
        ref(g, s.target());
        g.writeName("subjects");
        g.writeStartArray();
        for (Truth.Ref r : s.subjects()) {
          ref(g, r);
        }
        g.writeEndArray();
        g.writeStringProperty("note", s.note());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("decoys");
      g.writeStartArray();
      for (Truth.Decoy d : t.decoys()) {
        g.writeStartObject();
        g.writeStringProperty("kind", d.kind());
        g.writeStringProperty("id", d.id());
        g.writeStringProperty("name", d.name());
        g.writeStringProperty("platform", d.platform());
        g.writeStringProperty("reason", d.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ref(JsonGenerator g, Truth.Ref r) {
    g.writeStartObject();
    g.writeStringProperty("kind", r.kind());
    g.writeStringProperty("id", r.id());
    g.writeStringProperty("name", r.name());
    g.writeEndObject();
  }
}

package dev.least.app.cli;

import dev.least.connector.entra.EntraPolicyBodies;
import dev.least.connector.json.BadRecordException;
import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonRecords;
import dev.least.connector.okta.OktaPolicyBodies;
import dev.least.model.Account;
import dev.least.model.ClientAppType;
import dev.least.model.PolicyId;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaRule;
import dev.least.policy.okta.OktaSignOnEvaluator;
import dev.least.policy.okta.OktaWhatIf;
import dev.least.replay.DirectoryIndex;
import dev.least.replay.SignInFactsResolver;
import dev.least.replay.Simulation;
import dev.least.replay.SimulationReport;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code least simulate SNAPSHOT --change FILE}: what-if over the whole log window; or, with {@code
 * --user}, which policies apply to one hypothetical sign-in and why.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "What if a policy changed? Replays the whole window under the current and the changed",
      "policies: sign-ins newly blocked, newly requiring MFA or a compliant device, relieved;",
      "users and apps affected; sample event ids.",
      "--change FILE: an Entra CA policy (Graph body; an existing id replaces that policy),",
      "  an Okta rule body (replaces the rule with its id, or is added to --policy), or",
      "  {\"delete\": \"<policy id>\"}.",
      "Or explain one sign-in: --user U [--app A] [--ip IP] [--country CC] [--client browser|",
      "  mobile|eas|other] [--platform windows|macos|ios|android|linux] [--risk low|medium|high]"
    })
public final class SimulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SnapshotOptions snapshot = new SnapshotOptions();

  @Option(names = "--change", paramLabel = "FILE", description = "The changed policy or rule.")
  @Nullable Path change;

  @Option(
      names = "--policy",
      paramLabel = "ID",
      description = "Okta policy that a new rule from --change is added to.")
  @Nullable String policy;

  @Option(names = "--user", paramLabel = "USER", description = "Explain one sign-in by USER.")
  @Nullable String user;

  @Option(names = "--app", paramLabel = "APP", description = "App id (Entra appId, Okta app id).")
  @Nullable String app;

  @Option(names = "--ip", paramLabel = "IP")
  @Nullable String ip;

  @Option(names = "--country", paramLabel = "CC")
  @Nullable String country;

  @Option(names = "--client", paramLabel = "TYPE", defaultValue = "browser")
  String client = "browser";

  @Option(names = "--platform", paramLabel = "OS")
  @Nullable String platform;

  @Option(names = "--risk", paramLabel = "LEVEL", defaultValue = "none")
  String risk = "none";

  @Option(names = "--top", paramLabel = "N", defaultValue = "10")
  int top;

  @Option(names = "--json", description = "Machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    if ((change == null) == (user == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either --change FILE or --user USER");
    }
    JsonNode body = change == null ? null : readChange(change);
    SnapshotOptions.Read read = snapshot.read(spec.commandLine().getErr());
    TenantSnapshot s = read.result().snapshot();
    String text = body != null ? whatIf(s, body) : explain(s);
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static JsonNode readChange(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--change " + file + ": no such file");
    }
    try (Reader in = JsonInput.openText(file)) {
      JsonNode n = JsonRecords.MAPPER.readTree(in);
      if (n == null || !n.isObject()) {
        throw new BadInputException("--change " + file + ": expected a JSON object");
      }
      return n;
    } catch (JacksonException e) {
      throw new BadInputException(
          "--change "
              + file
              + ": not valid JSON at line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new BadInputException("--change " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private String whatIf(TenantSnapshot s, JsonNode body) {
    SignInFactsResolver resolver = new SignInFactsResolver(DirectoryIndex.of(s));
    SignInEvaluator before;
    SignInEvaluator after;
    Source source;
    String described;
    try {
      if (body.has("delete")) {
        String id = body.get("delete").asString("");
        if (s.conditionalAccessPolicies().stream().anyMatch(p -> p.id().value().equals(id))) {
          source = Source.ENTRA;
          List<ConditionalAccessPolicy> changed =
              new PolicyChange.Deleted(new PolicyId(id)).applyTo(s.conditionalAccessPolicies());
          before = new ConditionalAccessEvaluator(s.conditionalAccessPolicies(), s.locations());
          after = new ConditionalAccessEvaluator(changed, s.locations());
        } else if (s.oktaPolicies().stream().anyMatch(p -> p.id().value().equals(id))) {
          source = Source.OKTA;
          List<OktaPolicy> changed = new ArrayList<>(s.oktaPolicies());
          changed.removeIf(p -> p.id().value().equals(id));
          before = OktaSignOnEvaluator.of(s);
          after = OktaSignOnEvaluator.of(changed, s.apps(), s.locations(), s.groups());
        } else {
          throw new BadInputException("--change: delete: no policy '" + id + "' in the snapshot");
        }
        described = "delete policy " + id;
      } else if (body.has("actions")) {
        source = Source.OKTA;
        OktaRule rule = OktaPolicyBodies.rule(body);
        List<OktaPolicy> changed = replaceRule(s.oktaPolicies(), rule);
        before = OktaSignOnEvaluator.of(s);
        after = OktaSignOnEvaluator.of(changed, s.apps(), s.locations(), s.groups());
        described = "Okta rule " + rule.id() + " (" + rule.name() + ")";
      } else if (body.has("conditions")) {
        source = Source.ENTRA;
        ConditionalAccessPolicy p = EntraPolicyBodies.conditionalAccessPolicy(body, "candidate");
        boolean exists =
            s.conditionalAccessPolicies().stream().anyMatch(x -> x.id().equals(p.id()));
        PolicyChange pc = exists ? new PolicyChange.Replaced(p) : new PolicyChange.Added(p);
        before = new ConditionalAccessEvaluator(s.conditionalAccessPolicies(), s.locations());
        after =
            new ConditionalAccessEvaluator(
                pc.applyTo(s.conditionalAccessPolicies()), s.locations());
        described = (exists ? "replace" : "add") + " CA policy " + p.displayName();
      } else {
        throw new BadInputException(
            "--change: not a CA policy (no 'conditions'), an Okta rule (no 'actions') or"
                + " {\"delete\": id}");
      }
    } catch (BadRecordException e) {
      throw new BadInputException("--change " + change + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--change " + change + ": " + e.getMessage(), e);
    }
    Source replayed = source;
    SimulationReport r =
        Simulation.run(
            before,
            after,
            resolver,
            s.signIns(),
            i -> s.signIns().source(i) == replayed,
            top,
            Runtime.getRuntime().availableProcessors());
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("change", described);
      doc.put("platform", source.folder());
      doc.put("report", r);
      return InspectCommand.JSON.writeValueAsString(doc) + "\n";
    }
    StringBuilder b = new StringBuilder();
    b.append("What if: ").append(described).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "  %d %s sign-ins replayed, %d change%n",
            r.events(),
            source.folder(),
            r.changed()));
    for (Simulation.Change c : Simulation.Change.values()) {
      long n = r.count(c);
      if (n > 0) {
        b.append(String.format(Locale.ROOT, "  %-32s %8d", c.name().toLowerCase(Locale.ROOT), n));
        List<String> samples = r.samples().getOrDefault(c, List.of());
        if (!samples.isEmpty()) {
          b.append("   e.g. ").append(String.join(", ", samples));
        }
        b.append('\n');
      }
    }
    if (!r.topUsers().isEmpty()) {
      b.append("  users most affected: ");
      r.topUsers().forEach(u -> b.append(u.id()).append(" (").append(u.count()).append(") "));
      b.append('\n');
    }
    if (!r.topApps().isEmpty()) {
      b.append("  apps most affected: ");
      r.topApps().forEach(u -> b.append(u.id()).append(" (").append(u.count()).append(") "));
      b.append('\n');
    }
    return b.toString();
  }

  private List<OktaPolicy> replaceRule(List<OktaPolicy> policies, OktaRule rule) {
    List<OktaPolicy> out = new ArrayList<>();
    boolean placed = false;
    for (OktaPolicy p : policies) {
      List<OktaRule> rules = new ArrayList<>(p.rules());
      boolean has = rules.removeIf(r -> r.id().equals(rule.id()));
      if (has || p.id().value().equals(policy)) {
        rules.add(rule);
        placed = true;
      }
      out.add(
          new OktaPolicy(
              p.id(),
              p.name(),
              p.type(),
              p.typeRaw(),
              p.status(),
              p.priority(),
              p.system(),
              p.groupsInclude(),
              rules,
              p.rawJson()));
    }
    if (!placed) {
      throw new BadInputException(
          "--change: rule '"
              + rule.id()
              + "' is in no policy of the snapshot; name the policy to add it to with --policy");
    }
    return out;
  }

  private String explain(TenantSnapshot s) {
    DirectoryIndex dir = DirectoryIndex.of(s);
    Account a =
        s.accounts().stream()
            .filter(
                x ->
                    x.id().value().equals(user)
                        || x.login().equalsIgnoreCase(user)
                        || (x.email() != null && x.email().equalsIgnoreCase(user)))
            .findFirst()
            .orElseThrow(() -> new BadInputException("--user: no account '" + user + "'"));
    ClientAppType clientApp =
        switch (client.toLowerCase(Locale.ROOT)) {
          case "browser" -> ClientAppType.BROWSER;
          case "mobile", "desktop", "mobileappsanddesktopclients" ->
              ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS;
          case "eas", "exchangeactivesync" -> ClientAppType.EXCHANGE_ACTIVE_SYNC;
          case "other", "legacy" -> ClientAppType.OTHER;
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(), "--client must be browser, mobile, eas or other");
        };
    RiskLevel level = RiskLevel.parse(risk);
    if (level == RiskLevel.UNKNOWN) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--risk must be none, low, medium or high");
    }
    String id = a.id().value();
    SignInFacts facts =
        new SignInFacts(
            id,
            PrincipalKind.USER,
            dir.isGuest(id),
            dir.groupsOf(id),
            dir.rolesOf(id),
            app,
            clientApp,
            platform == null ? null : platform.toLowerCase(Locale.ROOT),
            ip,
            country,
            level,
            RiskLevel.NONE,
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            TriState.FALSE,
            true,
            s.manifest().capturedAt().toEpochMilli());
    if (a.source() == Source.OKTA) {
      OktaSignOnEvaluator ev = OktaSignOnEvaluator.of(s);
      return new OktaWhatIf(ev).explain(OktaSignOnEvaluator.requestOf(facts)).text() + "\n";
    }
    return new ConditionalAccessEvaluator(s.conditionalAccessPolicies(), s.locations())
            .explain(facts)
            .render()
        + "\n";
  }
}

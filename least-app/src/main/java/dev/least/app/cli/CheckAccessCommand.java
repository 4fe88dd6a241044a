package dev.least.app.cli;

import dev.least.model.Account;
import dev.least.sod.AccessCheck;
import dev.least.sod.Entitlement;
import dev.least.sod.EntitlementIndex;
import dev.least.sod.Holding;
import dev.least.sod.SodRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code least check-access SNAPSHOT --user U --add group:G|app:A|role:R}: would the grant create a
 * separation-of-duties conflict? Exit 0 allowed, 1 conflict, 3 unknown user or entitlement.
 */
@Command(
    name = "check-access",
    mixinStandardHelpOptions = true,
    description = {
      "Pre-provisioning check: would granting the entitlement create a separation-of-duties",
      "conflict (least.yaml rules plus the starter library), directly, through nested groups,",
      "or through a dynamic group rule? Exit 0 allowed, 1 conflict."
    })
public final class CheckAccessCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SnapshotOptions snapshot = new SnapshotOptions();

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USER",
      description = "Account id, login/UPN or email.")
  String user = "";

  @Option(
      names = "--add",
      required = true,
      paramLabel = "KIND:NAME",
      description = "What to grant: group:NAME-OR-ID, app:NAME-OR-ID or role:NAME-OR-ID.")
  String add = "";

  @Option(names = "--json", description = "Machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    int colon = add.indexOf(':');
    Entitlement.Kind kind = null;
    if (colon > 0) {
      try {
        kind = Entitlement.Kind.valueOf(add.substring(0, colon).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        kind = null;
      }
    }
    if (kind == null || colon == add.length() - 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--add must be group:NAME, app:NAME or role:NAME but was '" + add + "'");
    }
    SnapshotOptions.Read read = snapshot.read(spec.commandLine().getErr());
    EntitlementIndex index = EntitlementIndex.of(read.result().snapshot());
    Account account =
        index
            .account(user)
            .orElseThrow(
                () -> new BadInputException("--user: no account '" + user + "' in the snapshot"));
    String name = add.substring(colon + 1);
    Entitlement entitlement =
        index
            .resolve(kind, name)
            .orElseThrow(
                () ->
                    new BadInputException(
                        "--add: no "
                            + add.substring(0, colon)
                            + " '"
                            + name
                            + "' in the snapshot"));
    AccessCheck check = new AccessCheck(index, SodRules.inForce(read.result().settings()));
    List<AccessCheck.Conflict> conflicts = check.ifGranted(account, entitlement);
    String text =
        json ? json(account, entitlement, conflicts) : text(account, entitlement, conflicts);
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return conflicts.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  private static String text(Account a, Entitlement e, List<AccessCheck.Conflict> conflicts) {
    StringBuilder b = new StringBuilder();
    String what = e.kind().wire() + " " + e.name();
    if (conflicts.isEmpty()) {
      return "allowed: granting " + what + " to " + a.login() + " creates no SoD conflict\n";
    }
    b.append("conflict: granting ").append(what).append(" to ").append(a.login()).append('\n');
    for (AccessCheck.Conflict c : conflicts) {
      b.append("  ")
          .append(c.rule().id())
          .append(" (")
          .append(c.rule().name())
          .append(")\n    left:  ")
          .append(side(c.left()))
          .append("\n    right: ")
          .append(side(c.right()))
          .append(c.viaDynamicRule() ? "\n    (through a dynamic group rule)" : "")
          .append('\n');
    }
    return b.toString();
  }

  private static String side(Holding h) {
    return h.entitlement().kind().wire() + " " + h.entitlement().name() + " via " + h.describe();
  }

  private static String json(Account a, Entitlement e, List<AccessCheck.Conflict> conflicts) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("user", Map.of("id", a.id().value(), "login", a.login()));
    doc.put("add", Map.of("kind", e.kind().wire(), "id", e.id(), "name", e.name()));
    doc.put("decision", conflicts.isEmpty() ? "allowed" : "conflict");
    List<Map<String, Object>> cs = new ArrayList<>();
    for (AccessCheck.Conflict c : conflicts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", c.rule().id());
      m.put("name", c.rule().name());
      m.put("left", holding(c.left()));
      m.put("right", holding(c.right()));
      m.put("viaDynamicRule", c.viaDynamicRule());
      cs.add(m);
    }
    doc.put("conflicts", cs);
    return InspectCommand.JSON.writeValueAsString(doc) + "\n";
  }

  private static Map<String, Object> holding(Holding h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", h.entitlement().kind().wire());
    m.put("id", h.entitlement().id());
    m.put("name", h.entitlement().name());
    m.put("path", h.path());
    return m;
  }
}

package dev.least.connector.okta;

import dev.least.connector.json.JsonRecords;
import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotAccumulator;
import dev.least.connector.snapshot.SnapshotException;
import dev.least.connector.snapshot.SourceReader;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.AppId;
import dev.least.model.GroupId;
import dev.least.model.GroupMembership;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.policy.okta.OktaRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code okta/}: users, groups (with group rules and members), apps (with their user and
 * group assignments), policies with their rules, network zones and the System Log. Every file is
 * optional. Order matters twice: group rules before groups (they make groups DYNAMIC), apps before
 * the System Log (Identity Engine policy evaluations name the app, not the policy).
 *
 * <p>Policies are read from {@code policies/{TYPE}.json} for the four contract types and from any
 * other {@code policies/*.json} a capture may hold (their policies are type OTHER unless the body
 * says otherwise). {@code apps/{appId}/users.json} entries with {@code scope: GROUP} are users who
 * have the app through a group; they are not direct assignments (the group assignment and the
 * membership already say it) and are not added.
 */
public final class OktaSnapshotReader implements SourceReader {
  static final String DIR = "okta";
  static final List<String> POLICY_TYPES =
      List.of("OKTA_SIGN_ON", "ACCESS_POLICY", "MFA_ENROLL", "PASSWORD");

  @Override
  public void read(ReadContext ctx, SnapshotAccumulator acc) {
    Path root = ctx.root().resolve(DIR);
    if (!Files.isDirectory(root)) {
      return;
    }
    readUsers(ctx, root, acc);
    readGroups(ctx, root, acc);
    Map<String, PolicyId> appPolicies = readApps(ctx, root, acc);
    readPolicies(ctx, root, acc);
    readZones(ctx, root, acc);
    readLogs(ctx, root, acc, appPolicies);
  }

  private static void readUsers(ReadContext ctx, Path root, SnapshotAccumulator acc) {
    Path file = root.resolve("users.json");
    if (Files.isRegularFile(file)) {
      JsonRecords.forEach(
          ctx,
          file,
          "users",
          "value",
          node -> {
            OktaDirectoryMapper.MappedAccount m = OktaDirectoryMapper.user(OktaNode.of(node));
            if (m.unknownStatus()) {
              ctx.countUnknownValue();
            }
            acc.accounts().add(m.account());
          });
    }
  }

  private static void readGroups(ReadContext ctx, Path root, SnapshotAccumulator acc) {
    Map<String, String> rules = new HashMap<>();
    Path rulesFile = root.resolve("groups").resolve("rules.json");
    if (Files.isRegularFile(rulesFile)) {
      JsonRecords.forEach(
          ctx,
          rulesFile,
          "groupRules",
          "value",
          node -> OktaDirectoryMapper.groupRule(OktaNode.of(node), rules));
    }
    Path file = root.resolve("groups.json");
    if (Files.isRegularFile(file)) {
      JsonRecords.forEach(
          ctx,
          file,
          "groups",
          "value",
          node -> acc.groups().add(OktaDirectoryMapper.group(OktaNode.of(node), rules)));
    }
    for (Path dir : subfolders(ctx, root.resolve("groups"))) {
      Path members = dir.resolve("users.json");
      if (Files.isRegularFile(members)) {
        GroupId group = new GroupId(dir.getFileName().toString());
        JsonRecords.forEach(
            ctx,
            members,
            "groupMembers",
            "value",
            node -> {
              String user = OktaNode.of(node).requiredText("id");
              acc.memberships().add(new GroupMembership(group, user(user)));
            });
      }
    }
  }

  private static Map<String, PolicyId> readApps(
      ReadContext ctx, Path root, SnapshotAccumulator acc) {
    Map<String, PolicyId> mapped = readPolicyMappings(ctx, root);
    Map<String, PolicyId> policies = new HashMap<>();
    Path file = root.resolve("apps.json");
    if (Files.isRegularFile(file)) {
      JsonRecords.forEach(
          ctx,
          file,
          "apps",
          "value",
          node -> {
            App app = OktaDirectoryMapper.app(OktaNode.of(node));
            PolicyId viaMapping = mapped.get(app.id().value());
            if (app.accessPolicyId() == null && viaMapping != null) {
              app =
                  new App(
                      app.id(), app.source(), app.name(), app.clientId(), viaMapping, app.active());
            }
            acc.apps().add(app);
            if (app.accessPolicyId() != null) {
              policies.put(app.id().value(), app.accessPolicyId());
            }
          });
    }
    for (Path dir : subfolders(ctx, root.resolve("apps"))) {
      AppId app = new AppId(dir.getFileName().toString());
      Path users = dir.resolve("users.json");
      if (Files.isRegularFile(users)) {
        JsonRecords.forEach(
            ctx,
            users,
            "appUsers",
            "value",
            node -> {
              OktaNode u = OktaNode.of(node);
              String id = u.requiredText("id");
              if (!"GROUP".equals(u.text("scope"))) {
                acc.appAssignments().add(new AppAssignment(app, user(id)));
              }
            });
      }
      Path groups = dir.resolve("groups.json");
      if (Files.isRegularFile(groups)) {
        JsonRecords.forEach(
            ctx,
            groups,
            "appGroups",
            "value",
            node -> {
              String id = OktaNode.of(node).requiredText("id");
              acc.appAssignments()
                  .add(new AppAssignment(app, new Principal(PrincipalKind.GROUP, id)));
            });
      }
    }
    return policies;
  }

  /**
   * Optional {@code policies/{policyId}/mappings.json} (the body of {@code GET
   * /api/v1/policies/{policyId}/mappings}, not in the contract but what a capture may hold): app id
   * (last segment of {@code _links.application.href}) → that policy. Used only for apps whose own
   * {@code _links.accessPolicy} is absent.
   */
  private static Map<String, PolicyId> readPolicyMappings(ReadContext ctx, Path root) {
    Map<String, PolicyId> out = new HashMap<>();
    for (Path dir : subfolders(ctx, root.resolve("policies"))) {
      Path file = dir.resolve("mappings.json");
      if (Files.isRegularFile(file)) {
        PolicyId policy = new PolicyId(dir.getFileName().toString());
        JsonRecords.forEach(
            ctx,
            file,
            "policyMappings",
            "value",
            node -> {
              String href = OktaNode.of(node).object("_links").object("application").text("href");
              String app = href == null ? null : OktaDirectoryMapper.lastSegment(href);
              if (app != null) {
                out.putIfAbsent(app, policy);
              }
            });
      }
    }
    return out;
  }

  private static void readPolicies(ReadContext ctx, Path root, SnapshotAccumulator acc) {
    Path dir = root.resolve("policies");
    if (!Files.isDirectory(dir)) {
      return;
    }
    Set<Path> files = new LinkedHashSet<>();
    for (String type : POLICY_TYPES) {
      files.add(dir.resolve(type + ".json"));
    }
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(dir), "cannot list: " + e.getMessage(), e);
    }
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      List<OktaPolicyMapper.PolicyHead> heads = new ArrayList<>();
      JsonRecords.forEach(
          ctx,
          file,
          "policies",
          "value",
          node -> {
            OktaPolicyMapper.PolicyHead head = OktaPolicyMapper.policy(OktaNode.of(node));
            if (head.unknownType()) {
              ctx.countUnknownValue();
            }
            heads.add(head);
          });
      for (OktaPolicyMapper.PolicyHead head : heads) {
        acc.oktaPolicies().add(head.withRules(readRules(ctx, dir, head.id())));
      }
    }
  }

  private static List<OktaRule> readRules(ReadContext ctx, Path dir, PolicyId policy) {
    String safe = OktaPolicyMapper.safeId(policy.value());
    if (safe == null) {
      return List.of();
    }
    Path file = dir.resolve(safe).resolve("rules.json");
    List<OktaRule> rules = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      JsonRecords.forEach(
          ctx,
          file,
          "policyRules",
          "value",
          node -> rules.add(OktaPolicyMapper.rule(OktaNode.of(node))));
    }
    return rules;
  }

  private static void readZones(ReadContext ctx, Path root, SnapshotAccumulator acc) {
    Path file = root.resolve("zones.json");
    if (Files.isRegularFile(file)) {
      JsonRecords.forEach(
          ctx,
          file,
          "zones",
          "value",
          node -> {
            NamedLocation zone = OktaZoneMapper.zone(OktaNode.of(node));
            if (zone.kind() == LocationKind.UNKNOWN) {
              ctx.countUnknownValue();
            }
            acc.locations().add(zone);
          });
    }
  }

  private static void readLogs(
      ReadContext ctx, Path root, SnapshotAccumulator acc, Map<String, PolicyId> appPolicies) {
    // One reader (and parser) per part: parts may be read on several threads at once.
    for (String name : List.of("logs.jsonl", "logs.jsonl.gz", "logs.ndjson")) {
      Path file = root.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      if (name.endsWith(".gz")) {
        ctx.readLog(
            (part, out) -> logReader(appPolicies).readJsonLines(part, file, out), acc.signIns());
      } else {
        ctx.readLogLines(
            file,
            (part, range, out) -> logReader(appPolicies).readRange(part, file, range, out),
            acc.signIns());
      }
    }
    for (String name : List.of("logs.json", "logs.json.gz")) {
      Path file = root.resolve(name);
      if (Files.isRegularFile(file)) {
        ctx.readLog((part, out) -> logReader(appPolicies).readJson(part, file, out), acc.signIns());
      }
    }
  }

  private static OktaSystemLogReader logReader(Map<String, PolicyId> appPolicies) {
    return new OktaSystemLogReader(new OktaSystemLogParser(appPolicies));
  }

  private static Principal user(String id) {
    return new Principal(PrincipalKind.USER, id);
  }

  private static List<Path> subfolders(ReadContext ctx, Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(dir), "cannot list: " + e.getMessage(), e);
    }
  }
}

package dev.least.connector.entra;

import dev.least.connector.json.JsonRecords;
import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotAccumulator;
import dev.least.connector.snapshot.SnapshotException;
import dev.least.connector.snapshot.SourceReader;
import dev.least.model.AppId;
import dev.least.model.GroupId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code entra/}: sign-ins (handed over first, so that on other threads they are read while
 * the directory is), directory, roles, CA policies and named locations, each file as the snapshot
 * contract (shared/contracts/snapshot-format.md) lists it. Absent files are skipped. Per-object
 * files ({@code groups/{id}/members.json}, {@code servicePrincipals/{id}/appRoleAssignedTo.json})
 * are read in folder-name order. Sign-ins are read from every one of {@code
 * auditLogs/signIns.jsonl}, {@code signIns.jsonl.gz} and {@code signIns.json} that exists.
 */
public final class EntraSnapshotReader implements SourceReader {
  static final String FOLDER = "entra";

  @Override
  public void read(ReadContext ctx, SnapshotAccumulator acc) {
    Path root = ctx.root().resolve(FOLDER);
    if (!Files.isDirectory(root)) {
      return;
    }
    readLogs(ctx, root, acc); // first: on other threads they are read while the directory is
    each(
        ctx,
        root.resolve("users.json"),
        "users",
        n -> acc.accounts().add(EntraDirectoryMapper.user(n)));
    each(
        ctx,
        root.resolve("groups.json"),
        "groups",
        n -> acc.groups().add(EntraDirectoryMapper.group(n)));
    for (Path dir : subfolders(ctx, root.resolve("groups"))) {
      GroupId group = new GroupId(dir.getFileName().toString());
      each(
          ctx,
          dir.resolve("members.json"),
          "groupMembers",
          n -> acc.memberships().add(EntraDirectoryMapper.member(group, n)));
    }
    each(
        ctx,
        root.resolve("servicePrincipals.json"),
        "servicePrincipals",
        n -> acc.apps().add(EntraDirectoryMapper.servicePrincipal(n)));
    for (Path dir : subfolders(ctx, root.resolve("servicePrincipals"))) {
      AppId app = new AppId(dir.getFileName().toString());
      each(
          ctx,
          dir.resolve("appRoleAssignedTo.json"),
          "appRoleAssignedTo",
          n -> acc.appAssignments().add(EntraDirectoryMapper.appRoleAssignment(app, n)));
    }
    Path roles = root.resolve("roleManagement/directory");
    each(
        ctx,
        roles.resolve("roleDefinitions.json"),
        "roleDefinitions",
        n -> acc.roles().add(EntraDirectoryMapper.roleDefinition(n)));
    each(
        ctx,
        roles.resolve("roleAssignments.json"),
        "roleAssignments",
        n -> acc.roleAssignments().add(EntraDirectoryMapper.roleAssignment(n)));
    Path ca = root.resolve("identity/conditionalAccess");
    each(
        ctx,
        ca.resolve("policies.json"),
        "conditionalAccessPolicies",
        n -> acc.conditionalAccessPolicies().add(ConditionalAccessPolicyMapper.map(n)));
    each(
        ctx,
        ca.resolve("namedLocations.json"),
        "namedLocations",
        n -> acc.locations().add(NamedLocationMapper.map(n)));
  }

  private static void readLogs(ReadContext ctx, Path root, SnapshotAccumulator acc) {
    Path logs = root.resolve("auditLogs");
    Path lines = logs.resolve("signIns.jsonl");
    if (Files.isRegularFile(lines)) {
      ctx.readLogLines(
          lines,
          (part, range, out) -> EntraSignInFiles.readRange(part, lines, range, out),
          acc.signIns());
    }
    Path gzipped = logs.resolve("signIns.jsonl.gz");
    if (Files.isRegularFile(gzipped)) {
      ctx.readLog((part, out) -> EntraSignInFiles.readLines(part, gzipped, out), acc.signIns());
    }
    Path json = logs.resolve("signIns.json");
    if (Files.isRegularFile(json)) {
      ctx.readLog((part, out) -> EntraSignInFiles.readJson(part, json, out), acc.signIns());
    }
  }

  private static void each(ReadContext ctx, Path file, String kind, Consumer<JsonNode> mapper) {
    if (Files.isRegularFile(file)) {
      JsonRecords.forEach(ctx, file, kind, "value", mapper);
    }
  }

  private static List<Path> subfolders(ReadContext ctx, Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> out = new ArrayList<>();
      s.filter(Files::isDirectory).sorted().forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(dir), "cannot list: " + e.getMessage(), e);
    }
  }
}

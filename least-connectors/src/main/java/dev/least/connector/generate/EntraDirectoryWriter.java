package dev.least.connector.generate;

import dev.least.model.GroupKind;
import dev.least.model.NamedLocation;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.Source;
import dev.least.policy.entra.ConditionalAccessPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/** Writes {@code entra/}: the Microsoft Graph bodies of the directory, roles and policies. */
final class EntraDirectoryWriter {
  private final Plan plan;
  private final Ledger ledger;
  private final SnapshotFiles files;

  EntraDirectoryWriter(Plan plan, Ledger ledger, SnapshotFiles files) {
    this.plan = plan;
    this.ledger = ledger;
    this.files = files;
  }

  void write() {
    users();
    groups();
    servicePrincipals();
    roles();
    policies();
  }

  private interface Body {
    void write(JsonGenerator g);
  }

  private void valueFile(String relative, @Nullable String context, Body body) {
    try (OutputStream out = files.open(relative);
        JsonGenerator g = WireJson.document(out)) {
      g.writeStartObject();
      if (context != null) {
        g.writeStringProperty("@odata.context", context);
      }
      g.writeName("value");
      g.writeStartArray();
      body.write(g);
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis - epochMillis % 1000).toString();
  }

  private void users() {
    valueFile(
        "entra/users.json",
        "https://graph.microsoft.com/beta/$metadata#users",
        g -> {
          for (PlannedUser u : plan.users()) {
            if (u.entraId() == null) {
              continue;
            }
            g.writeStartObject();
            g.writeStringProperty("id", u.entraId());
            g.writeStringProperty("displayName", u.displayName());
            g.writeStringProperty("givenName", u.firstName());
            g.writeStringProperty("surname", u.lastName());
            g.writeStringProperty("userPrincipalName", u.upn());
            g.writeStringProperty(
                "mail",
                u.kind() == UserKind.GUEST
                    ? u.upn().substring(0, u.upn().indexOf("#EXT#")).replace('_', '@')
                    : u.upn());
            g.writeBooleanProperty("accountEnabled", u.entraEnabled());
            g.writeStringProperty("userType", u.kind() == UserKind.GUEST ? "Guest" : "Member");
            WireJson.stringOrNull(
                g, "department", u.department() == null ? null : u.department().name());
            WireJson.stringOrNull(g, "jobTitle", u.title());
            WireJson.stringOrNull(g, "employeeId", u.employeeId());
            WireJson.stringOrNull(
                g, "employeeType", u.kind() == UserKind.EMPLOYEE ? u.workerType() : null);
            g.writeStringProperty(
                "officeLocation", u.kind() == UserKind.EMPLOYEE ? u.office().name() : null);
            g.writeStringProperty("city", u.kind() == UserKind.EMPLOYEE ? u.office().city() : null);
            g.writeStringProperty(
                "country", u.kind() == UserKind.EMPLOYEE ? u.office().countryName() : null);
            g.writeStringProperty("usageLocation", u.office().country());
            g.writeStringProperty("createdDateTime", u.created().toString());
            if (u.kind() == UserKind.EMPLOYEE) {
              g.writeStringProperty("employeeHireDate", u.hireDate() + "T00:00:00Z");
            }
            if (u.manager() >= 0) {
              PlannedUser m = plan.users().get(u.manager());
              g.writeName("manager");
              g.writeStartObject();
              g.writeStringProperty("id", m.entraId());
              g.writeStringProperty("displayName", m.displayName());
              g.writeEndObject();
            }
            signInActivity(g, u);
            g.writeEndObject();
          }
        });
  }

  private void signInActivity(JsonGenerator g, PlannedUser u) {
    int i = u.index();
    long inter = ledger.entraLastInteractive[i];
    long non = ledger.entraLastNonInteractive[i];
    long ok = ledger.entraLastSuccess[i];
    if (u.lastSignInBefore() != null) {
      long before = u.lastSignInBefore().toEpochMilli();
      if (inter == 0) {
        inter = before;
      }
      if (ok == 0) {
        ok = before;
      }
    }
    if (inter == 0 && non == 0 && ok == 0) {
      g.writeNullProperty("signInActivity");
      return;
    }
    g.writeName("signInActivity");
    g.writeStartObject();
    g.writeStringProperty("lastSignInDateTime", inter == 0 ? null : iso(inter));
    g.writeStringProperty("lastSignInRequestId", inter == 0 ? null : requestId(u, inter));
    g.writeStringProperty("lastNonInteractiveSignInDateTime", non == 0 ? null : iso(non));
    g.writeStringProperty("lastNonInteractiveSignInRequestId", non == 0 ? null : requestId(u, non));
    g.writeStringProperty("lastSuccessfulSignInDateTime", ok == 0 ? null : iso(ok));
    g.writeStringProperty("lastSuccessfulSignInRequestId", ok == 0 ? null : requestId(u, ok));
    g.writeEndObject();
  }

  private static String requestId(PlannedUser u, long t) {
    return nameUuid(u.upn() + "@" + t);
  }

  static String nameUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private void groups() {
    List<PlannedGroup> groups = plan.groups(Source.ENTRA);
    valueFile(
        "entra/groups.json",
        "https://graph.microsoft.com/v1.0/$metadata#groups",
        g -> {
          for (PlannedGroup gr : groups) {
            g.writeStartObject();
            g.writeStringProperty("id", gr.id());
            g.writeStringProperty("displayName", gr.name());
            g.writeStringProperty("description", gr.description());
            g.writeStringProperty("createdDateTime", gr.created().toString());
            WireJson.strings(
                g,
                "groupTypes",
                gr.kind() == GroupKind.DYNAMIC ? List.of("DynamicMembership") : List.of());
            g.writeStringProperty("membershipRule", gr.rule());
            g.writeStringProperty(
                "membershipRuleProcessingState", gr.kind() == GroupKind.DYNAMIC ? "On" : null);
            g.writeStringProperty(
                "mailNickname",
                gr.name().replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT));
            g.writeBooleanProperty("mailEnabled", false);
            g.writeBooleanProperty("securityEnabled", true);
            g.writeBooleanProperty("isAssignableToRole", gr.roleAssignable());
            g.writeEndObject();
          }
        });
    for (PlannedGroup gr : groups) {
      valueFile(
          "entra/groups/" + gr.id() + "/members.json",
          null,
          g -> {
            for (int m : gr.members()) {
              PlannedUser u = plan.users().get(m);
              g.writeStartObject();
              g.writeStringProperty("@odata.type", "#microsoft.graph.user");
              g.writeStringProperty("id", u.entraId());
              g.writeStringProperty("displayName", u.displayName());
              g.writeStringProperty("userPrincipalName", u.upn());
              g.writeEndObject();
            }
          });
    }
  }

  private void servicePrincipals() {
    List<PlannedApp> apps = plan.apps(Source.ENTRA);
    valueFile(
        "entra/servicePrincipals.json",
        "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals",
        g -> {
          for (PlannedApp a : apps) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id());
            g.writeStringProperty("appId", a.clientId());
            g.writeStringProperty("displayName", a.name());
            g.writeBooleanProperty("accountEnabled", true);
            g.writeStringProperty("servicePrincipalType", "Application");
            g.writeBooleanProperty("appRoleAssignmentRequired", !a.everyone());
            WireJson.strings(g, "tags", List.of("WindowsAzureActiveDirectoryIntegratedApp"));
            g.writeEndObject();
          }
        });
    for (PlannedApp a : apps) {
      if (a.everyone()) {
        continue;
      }
      valueFile(
          "entra/servicePrincipals/" + a.id() + "/appRoleAssignedTo.json",
          null,
          g -> {
            for (String gid : a.groups()) {
              PlannedGroup gr = groupById(gid);
              g.writeStartObject();
              g.writeStringProperty("id", nameUuid(a.id() + "/" + gid));
              g.writeStringProperty("appRoleId", "00000000-0000-0000-0000-000000000000");
              g.writeStringProperty("createdDateTime", gr.created().plusSeconds(86_400).toString());
              g.writeStringProperty("principalDisplayName", gr.name());
              g.writeStringProperty("principalId", gr.id());
              g.writeStringProperty("principalType", "Group");
              g.writeStringProperty("resourceDisplayName", a.name());
              g.writeStringProperty("resourceId", a.id());
              g.writeEndObject();
            }
          });
    }
  }

  private PlannedGroup groupById(String id) {
    for (PlannedGroup g : plan.groups()) {
      if (g.id().equals(id)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no group " + id);
  }

  private void roles() {
    valueFile(
        "entra/roleManagement/directory/roleDefinitions.json",
        "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleDefinitions",
        g -> {
          for (RoleDefinition r : plan.roleDefinitions()) {
            g.writeStartObject();
            g.writeStringProperty("id", r.id().value());
            g.writeStringProperty("templateId", r.templateId());
            g.writeStringProperty("displayName", r.name());
            g.writeBooleanProperty("isBuiltIn", r.builtIn());
            g.writeBooleanProperty("isEnabled", true);
            g.writeBooleanProperty("isPrivileged", r.privileged());
            g.writeEndObject();
          }
        });
    valueFile(
        "entra/roleManagement/directory/roleAssignments.json",
        "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignments",
        g -> {
          for (RoleAssignment a : plan.roleAssignments()) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id());
            g.writeStringProperty("roleDefinitionId", a.role().value());
            g.writeStringProperty("principalId", a.principalId());
            g.writeStringProperty("directoryScopeId", a.scope());
            g.writeEndObject();
          }
        });
  }

  private void policies() {
    valueFile(
        "entra/identity/conditionalAccess/policies.json",
        "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies",
        g -> {
          for (ConditionalAccessPolicy p : plan.caPolicies()) {
            g.writeRawValue(p.rawJson());
          }
        });
    Instant created = OrganisationPlanner.CAPTURED_AT.minusSeconds(800L * 86_400);
    valueFile(
        "entra/identity/conditionalAccess/namedLocations.json",
        "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/namedLocations",
        g -> {
          for (NamedLocation l : plan.locations()) {
            if (l.source() == Source.ENTRA) {
              EntraJson.namedLocation(g, l, created);
            }
          }
        });
  }
}

package dev.least.connector.entra;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.AppId;
import dev.least.model.Group;
import dev.least.model.GroupId;
import dev.least.model.GroupKind;
import dev.least.model.GroupMembership;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.RoleId;
import dev.least.model.Source;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps Graph directory objects (users, groups, members, service principals, app role assignments,
 * directory roles) to the model. Each method takes one record and throws {@link
 * dev.least.connector.json.BadRecordException} naming the field when it violates the shape.
 */
final class EntraDirectoryMapper {
  private EntraDirectoryMapper() {}

  /**
   * A Graph {@code user}. {@code accountEnabled} absent (not selected) is UNKNOWN status; {@code
   * userType} absent is UNKNOWN kind, other values than Member/Guest too. Service accounts are not
   * told apart from members: Graph has no flag for them.
   */
  static Account user(JsonNode node) {
    GraphObject o = GraphObject.root(node);
    String id = o.requiredText("id");
    String login = o.requiredText("userPrincipalName");
    Boolean enabled = o.bool("accountEnabled");
    AccountStatus status =
        enabled == null
            ? AccountStatus.UNKNOWN
            : enabled ? AccountStatus.ACTIVE : AccountStatus.DISABLED;
    String userType = o.text("userType");
    AccountKind kind;
    if (userType == null) {
      kind = AccountKind.UNKNOWN;
    } else {
      switch (userType.toLowerCase(Locale.ROOT)) {
        case "member":
          kind = AccountKind.MEMBER;
          break;
        case "guest":
          kind = AccountKind.GUEST;
          break;
        default:
          kind = AccountKind.UNKNOWN;
      }
    }
    Instant lastSignIn = null;
    GraphObject activity = o.object("signInActivity");
    if (activity != null) {
      // lastSignInDateTime counts failed attempts too; when Graph gives the last successful
      // sign-in (lastSuccessfulSignInDateTime), that is the one staleness is about
      Instant successful = activity.time("lastSuccessfulSignInDateTime");
      lastSignIn =
          successful != null
              ? successful
              : later(
                  activity.time("lastSignInDateTime"),
                  activity.time("lastNonInteractiveSignInDateTime"));
    }
    GraphObject manager = o.object("manager");
    return new Account(
        new AccountId(id),
        Source.ENTRA,
        login,
        o.text("mail"),
        o.text("displayName"),
        status,
        kind,
        o.text("employeeId"),
        o.text("department"),
        o.text("jobTitle"),
        manager == null ? null : manager.text("id"),
        o.time("createdDateTime"),
        lastSignIn);
  }

  /** A Graph {@code group}; {@code groupTypes} containing DynamicMembership makes it DYNAMIC. */
  static Group group(JsonNode node) {
    GraphObject o = GraphObject.root(node);
    boolean dynamic = false;
    for (String t : o.strings("groupTypes")) {
      if (t.equalsIgnoreCase("DynamicMembership")) {
        dynamic = true;
      }
    }
    return new Group(
        new GroupId(o.requiredText("id")),
        Source.ENTRA,
        o.requiredText("displayName"),
        dynamic ? GroupKind.DYNAMIC : GroupKind.STATIC,
        o.text("membershipRule"),
        o.bool("securityEnabled", false));
  }

  /** One member of {@code groups/{groupId}/members}; its kind comes from {@code @odata.type}. */
  static GroupMembership member(GroupId group, JsonNode node) {
    GraphObject o = GraphObject.root(node);
    String id = o.requiredText("id");
    return new GroupMembership(group, new Principal(memberKind(o.text("@odata.type")), id));
  }

  static PrincipalKind memberKind(@Nullable String odataType) {
    if (odataType == null) {
      return PrincipalKind.OTHER;
    }
    switch (odataType) {
      case "#microsoft.graph.user":
        return PrincipalKind.USER;
      case "#microsoft.graph.group":
        return PrincipalKind.GROUP;
      case "#microsoft.graph.servicePrincipal":
        return PrincipalKind.SERVICE_PRINCIPAL;
      case "#microsoft.graph.device":
        return PrincipalKind.DEVICE;
      default:
        return PrincipalKind.OTHER;
    }
  }

  /**
   * A Graph {@code servicePrincipal}: {@code clientId} is its {@code appId} (what CA policies and
   * sign-ins name), {@code active} its {@code accountEnabled} (absent: true, Graph's default).
   */
  static App servicePrincipal(JsonNode node) {
    GraphObject o = GraphObject.root(node);
    String name = o.text("displayName");
    if (name == null) {
      name = o.text("appDisplayName");
    }
    if (name == null) {
      name = o.requiredText("displayName");
    }
    return new App(
        new AppId(o.requiredText("id")),
        Source.ENTRA,
        name,
        o.text("appId"),
        null,
        o.bool("accountEnabled", true));
  }

  /**
   * One {@code appRoleAssignment} of {@code servicePrincipals/{spId}/appRoleAssignedTo}: the app is
   * its {@code resourceId} (the folder's service principal when absent).
   */
  static AppAssignment appRoleAssignment(AppId folderApp, JsonNode node) {
    GraphObject o = GraphObject.root(node);
    String principalId = o.requiredText("principalId");
    String resource = o.text("resourceId");
    String type = o.text("principalType");
    PrincipalKind kind;
    if (type == null) {
      kind = PrincipalKind.OTHER;
    } else {
      switch (type.toLowerCase(Locale.ROOT)) {
        case "user":
          kind = PrincipalKind.USER;
          break;
        case "group":
          kind = PrincipalKind.GROUP;
          break;
        case "serviceprincipal":
          kind = PrincipalKind.SERVICE_PRINCIPAL;
          break;
        default:
          kind = PrincipalKind.OTHER;
      }
    }
    return new AppAssignment(
        resource == null ? folderApp : new AppId(resource), new Principal(kind, principalId));
  }

  /** A {@code unifiedRoleDefinition}. */
  static RoleDefinition roleDefinition(JsonNode node) {
    GraphObject o = GraphObject.root(node);
    return new RoleDefinition(
        new RoleId(o.requiredText("id")),
        o.requiredText("displayName"),
        o.text("templateId"),
        o.bool("isBuiltIn", false),
        o.bool("isPrivileged", false));
  }

  /** A {@code unifiedRoleAssignment}; {@code directoryScopeId} absent is the tenant ({@code /}). */
  static RoleAssignment roleAssignment(JsonNode node) {
    GraphObject o = GraphObject.root(node);
    String scope = o.text("directoryScopeId");
    return new RoleAssignment(
        o.requiredText("id"),
        new RoleId(o.requiredText("roleDefinitionId")),
        o.requiredText("principalId"),
        scope == null ? "/" : scope);
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }
}

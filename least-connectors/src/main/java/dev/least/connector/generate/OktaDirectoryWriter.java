package dev.least.connector.generate;

import dev.least.model.GroupKind;
import dev.least.model.NamedLocation;
import dev.least.model.Source;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Writes {@code okta/}: the Okta Management API bodies of users, groups, apps and policies. */
final class OktaDirectoryWriter {
  private final Plan plan;
  private final Ledger ledger;
  private final SnapshotFiles files;
  private final String base;

  OktaDirectoryWriter(Plan plan, Ledger ledger, SnapshotFiles files) {
    this.plan = plan;
    this.ledger = ledger;
    this.files = files;
    this.base = "https://" + plan.options().tenant() + ".okta.com/api/v1/";
  }

  private interface Body {
    void write(JsonGenerator g);
  }

  private void arrayFile(String relative, Body body) {
    try (OutputStream out = files.open(relative);
        JsonGenerator g = WireJson.document(out)) {
      g.writeStartArray();
      body.write(g);
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write() {
    users();
    groups();
    apps();
    policies();
    arrayFile(
        "okta/zones.json",
        g -> {
          for (NamedLocation z : plan.locations()) {
            if (z.source() == Source.OKTA) {
              OktaJson.zone(g, z);
            }
          }
        });
  }

  private void users() {
    arrayFile(
        "okta/users.json",
        g -> {
          for (PlannedUser u : plan.users()) {
            if (u.oktaId() == null) {
              continue;
            }
            String created = OktaJson.time(u.created());
            g.writeStartObject();
            g.writeStringProperty("id", u.oktaId());
            g.writeStringProperty("status", u.oktaStatus());
            g.writeStringProperty("created", created);
            g.writeStringProperty("activated", created);
            g.writeStringProperty(
                "statusChanged",
                u.terminationDate() == null || "ACTIVE".equals(u.oktaStatus())
                    ? null
                    : u.terminationDate() + "T18:00:00.000Z");
            long last = ledger.oktaLastLogin[u.index()];
            if (last == 0 && u.lastSignInBefore() != null) {
              last = u.lastSignInBefore().toEpochMilli();
            }
            g.writeStringProperty(
                "lastLogin",
                last == 0
                    ? null
                    : OktaJson.time(java.time.Instant.ofEpochMilli(last - last % 1000)));
            g.writeStringProperty("lastUpdated", created);
            g.writeStringProperty("passwordChanged", created);
            g.writeName("type");
            g.writeStartObject();
            g.writeStringProperty("id", "oty1a2b3c4d5e6f7g8h9");
            g.writeEndObject();
            g.writeName("profile");
            g.writeStartObject();
            g.writeStringProperty("firstName", u.firstName());
            g.writeStringProperty("lastName", u.lastName());
            g.writeStringProperty("login", u.upn());
            g.writeStringProperty("email", u.upn());
            g.writeStringProperty("employeeNumber", u.employeeId());
            g.writeStringProperty(
                "department", u.department() == null ? null : u.department().name());
            g.writeStringProperty("title", u.title());
            g.writeStringProperty("city", u.office().city());
            g.writeStringProperty("countryCode", u.office().country());
            g.writeStringProperty("userType", u.workerType());
            if (u.manager() >= 0) {
              PlannedUser m = plan.users().get(u.manager());
              g.writeStringProperty("manager", m.displayName());
              g.writeStringProperty("managerId", m.oktaId());
            }
            g.writeEndObject();
            g.writeName("credentials");
            g.writeStartObject();
            g.writeName("password");
            g.writeStartObject();
            g.writeEndObject();
            g.writeName("provider");
            g.writeStartObject();
            g.writeStringProperty("type", "OKTA");
            g.writeStringProperty("name", "OKTA");
            g.writeEndObject();
            g.writeEndObject();
            links(g, "users/" + u.oktaId());
            g.writeEndObject();
          }
        });
  }

  private void links(JsonGenerator g, String self) {
    g.writeName("_links");
    g.writeStartObject();
    g.writeName("self");
    g.writeStartObject();
    g.writeStringProperty("href", base + self);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void groups() {
    List<PlannedGroup> groups = plan.groups(Source.OKTA);
    arrayFile(
        "okta/groups.json",
        g -> {
          for (PlannedGroup gr : groups) {
            String t = OktaJson.time(gr.created());
            g.writeStartObject();
            g.writeStringProperty("id", gr.id());
            g.writeStringProperty("created", t);
            g.writeStringProperty("lastUpdated", t);
            g.writeStringProperty("lastMembershipUpdated", t);
            WireJson.strings(g, "objectClass", List.of("okta:user_group"));
            g.writeStringProperty("type", gr.builtIn() ? "BUILT_IN" : "OKTA_GROUP");
            g.writeName("profile");
            g.writeStartObject();
            g.writeStringProperty("name", gr.name());
            g.writeStringProperty("description", gr.description());
            g.writeEndObject();
            links(g, "groups/" + gr.id());
            g.writeEndObject();
          }
        });
    for (PlannedGroup gr : groups) {
      arrayFile(
          "okta/groups/" + gr.id() + "/users.json",
          g -> {
            for (int m : gr.members()) {
              shortUser(g, plan.users().get(m), null);
            }
          });
    }
    arrayFile(
        "okta/groups/rules.json",
        g -> {
          for (PlannedGroup gr : groups) {
            if (gr.kind() != GroupKind.DYNAMIC) {
              continue;
            }
            g.writeStartObject();
            g.writeStringProperty("type", "group_rule");
            g.writeStringProperty("id", gr.ruleId());
            g.writeStringProperty("status", "ACTIVE");
            g.writeStringProperty("name", gr.name() + " by department");
            g.writeStringProperty("created", OktaJson.time(gr.created()));
            g.writeStringProperty("lastUpdated", OktaJson.time(gr.created()));
            g.writeName("conditions");
            g.writeStartObject();
            g.writeName("people");
            g.writeStartObject();
            g.writeName("users");
            g.writeStartObject();
            WireJson.strings(g, "exclude", List.of());
            g.writeEndObject();
            g.writeName("groups");
            g.writeStartObject();
            WireJson.strings(g, "exclude", List.of());
            g.writeEndObject();
            g.writeEndObject();
            g.writeName("expression");
            g.writeStartObject();
            g.writeStringProperty("value", gr.rule());
            g.writeStringProperty("type", "urn:okta:expression:1.0");
            g.writeEndObject();
            g.writeEndObject();
            g.writeName("actions");
            g.writeStartObject();
            g.writeName("assignUserToGroups");
            g.writeStartObject();
            WireJson.strings(g, "groupIds", List.of(gr.id()));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
          }
        });
  }

  private void shortUser(
      JsonGenerator g, PlannedUser u, @org.jspecify.annotations.Nullable String scope) {
    g.writeStartObject();
    g.writeStringProperty("id", u.oktaId());
    if (scope != null) {
      g.writeStringProperty("scope", scope);
      g.writeStringProperty("status", "PROVISIONED");
      g.writeName("credentials");
      g.writeStartObject();
      g.writeStringProperty("userName", u.upn());
      g.writeEndObject();
    } else {
      g.writeStringProperty("status", u.oktaStatus());
      g.writeName("profile");
      g.writeStartObject();
      g.writeStringProperty("login", u.upn());
      g.writeStringProperty("email", u.upn());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void apps() {
    List<PlannedApp> apps = plan.apps(Source.OKTA);
    arrayFile(
        "okta/apps.json",
        g -> {
          for (PlannedApp a : apps) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id());
            g.writeStringProperty("name", a.oktaName());
            g.writeStringProperty("label", a.name());
            g.writeStringProperty("status", "ACTIVE");
            g.writeStringProperty("created", OktaJson.CREATED);
            g.writeStringProperty("lastUpdated", OktaJson.CREATED);
            g.writeStringProperty("signOnMode", "SAML_2_0");
            g.writeName("_links");
            g.writeStartObject();
            g.writeName("accessPolicy");
            g.writeStartObject();
            g.writeStringProperty("href", base + "policies/" + a.accessPolicyId());
            g.writeEndObject();
            g.writeName("self");
            g.writeStartObject();
            g.writeStringProperty("href", base + "apps/" + a.id());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
          }
        });
    for (PlannedApp a : apps) {
      arrayFile(
          "okta/apps/" + a.id() + "/groups.json",
          g -> {
            int priority = 0;
            for (String gid : a.groups()) {
              g.writeStartObject();
              g.writeStringProperty("id", gid);
              g.writeNumberProperty("priority", priority++);
              g.writeEndObject();
            }
          });
      BitSet assigned = new BitSet();
      for (String gid : a.groups()) {
        for (PlannedGroup gr : plan.groups(Source.OKTA)) {
          if (gr.id().equals(gid)) {
            for (int m : gr.members()) {
              assigned.set(m);
            }
          }
        }
      }
      arrayFile(
          "okta/apps/" + a.id() + "/users.json",
          g -> {
            for (int m = assigned.nextSetBit(0); m >= 0; m = assigned.nextSetBit(m + 1)) {
              shortUser(g, plan.users().get(m), "GROUP");
            }
          });
    }
  }

  private void policies() {
    for (OktaPolicyType type :
        List.of(
            OktaPolicyType.OKTA_SIGN_ON,
            OktaPolicyType.ACCESS_POLICY,
            OktaPolicyType.MFA_ENROLL,
            OktaPolicyType.PASSWORD)) {
      arrayFile(
          "okta/policies/" + type.name() + ".json",
          g -> {
            for (OktaPolicy p : plan.oktaPolicies()) {
              if (p.type() == type) {
                g.writeRawValue(p.rawJson());
              }
            }
          });
    }
    for (OktaPolicy p : plan.oktaPolicies()) {
      arrayFile(
          "okta/policies/" + p.id().value() + "/rules.json",
          g -> {
            for (OktaRule r : p.rules()) {
              g.writeRawValue(r.rawJson());
            }
          });
    }
  }
}

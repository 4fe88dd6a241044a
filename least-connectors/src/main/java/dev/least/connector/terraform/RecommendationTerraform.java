package dev.least.connector.terraform;

import dev.least.model.Account;
import dev.least.model.TenantSnapshot;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaRule;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Terraform equivalent of one recommendation's patch: resources of the azuread or okta
 * provider, with {@code import} blocks for objects that exist in the tenant; or, where Terraform
 * has no equivalent, a comment saying so and naming the vendor call instead.
 */
final class RecommendationTerraform {
  private static final Pattern CA_POLICY =
      Pattern.compile("/identity/conditionalAccess/policies/([^/]+)");
  private static final Pattern ENTRA_USER = Pattern.compile("/users/([^/]+)");
  private static final Pattern OKTA_LIFECYCLE =
      Pattern.compile("/api/v1/users/([^/]+)/lifecycle/(suspend|deactivate)");
  private static final Pattern OKTA_RULE =
      Pattern.compile("/api/v1/policies/([^/]+)/rules/([^/]+)(/lifecycle/deactivate)?");
  private static final Pattern OKTA_POLICY_DEACTIVATE =
      Pattern.compile("/api/v1/policies/([^/]+)/lifecycle/deactivate");

  /** The provider a file's resources need. */
  enum Provider {
    AZUREAD,
    OKTA
  }

  /** The file text and the providers it uses. */
  record Result(String text, List<Provider> providers) {
    Result {
      providers = List.copyOf(providers);
    }
  }

  private final TenantSnapshot snapshot;
  private final Recommendation rec;
  private final String name;
  private final StringBuilder body = new StringBuilder();
  private final List<Provider> providers = new ArrayList<>();

  private RecommendationTerraform(TenantSnapshot snapshot, Recommendation rec) {
    this.snapshot = snapshot;
    this.rec = rec;
    this.name = rec.id().replace('-', '_');
  }

  static Result of(TenantSnapshot snapshot, Recommendation rec) {
    RecommendationTerraform t = new RecommendationTerraform(snapshot, rec);
    t.translate();
    return new Result(t.header() + t.body, t.providers);
  }

  private String header() {
    StringBuilder b = new StringBuilder();
    b.append("# ")
        .append(rec.id())
        .append(": ")
        .append(rec.type().wire())
        .append(" (")
        .append(rec.platform())
        .append(")\n");
    comment(b, "Change: " + rec.suggestedChange());
    comment(b, "Rationale: " + rec.rationale());
    Patch p = rec.patch();
    if (p != null) {
      comment(b, "Vendor call: " + p.method() + " " + p.path());
    }
    return b.append('\n').toString();
  }

  private static void comment(StringBuilder b, String text) {
    for (String line : text.split("\n", -1)) {
      b.append("# ").append(line).append('\n');
    }
  }

  private void note(String text) {
    comment(body, text);
  }

  private void translate() {
    Patch p = rec.patch();
    if (p == null) {
      note(
          "No Terraform equivalent: this recommendation has no vendor API call to mirror (it"
              + " asks for a review or an action such as revoking sessions, not a configuration"
              + " change). Nothing is declared here.");
      return;
    }
    String method = p.method();
    String path = p.path();
    JsonValue.Obj patchBody = p.body();
    Matcher m;
    if (method.equals("POST")
        && path.equals("/identity/conditionalAccess/policies")
        && patchBody != null) {
      caPolicy(patchBody, null);
    } else if (method.equals("POST")
        && path.equals("/identity/conditionalAccess/namedLocations")
        && patchBody != null) {
      namedLocation(patchBody);
    } else if ((m = CA_POLICY.matcher(path)).matches() && method.equals("PATCH")) {
      Optional<ConditionalAccessPolicy> existing = caPolicy(m.group(1));
      if (existing.isEmpty() || patchBody == null) {
        missing("Conditional Access policy", m.group(1));
        return;
      }
      caPolicy(GraphJson.merge(GraphJson.parse(existing.get().rawJson()), patchBody), m.group(1));
    } else if ((m = CA_POLICY.matcher(path)).matches() && method.equals("DELETE")) {
      note(
          "Terraform deletes a resource by dropping it from the configuration. If this policy is"
              + " managed in Terraform, remove its azuread_conditional_access_policy block and"
              + " apply; if it is not, delete it with the vendor call above (importing it only to"
              + " destroy it gains nothing). Policy id: "
              + m.group(1));
    } else if ((m = ENTRA_USER.matcher(path)).matches() && method.equals("PATCH")) {
      entraUser(m.group(1), patchBody);
    } else if (method.equals("POST") && path.equals("/api/v1/zones") && patchBody != null) {
      oktaZone(patchBody);
    } else if ((m = OKTA_LIFECYCLE.matcher(path)).matches()) {
      oktaUser(m.group(1), m.group(2).equals("suspend") ? "SUSPENDED" : "DEPROVISIONED");
    } else if ((m = OKTA_POLICY_DEACTIVATE.matcher(path)).matches() && method.equals("POST")) {
      oktaPolicyStatus(m.group(1));
    } else if ((m = OKTA_RULE.matcher(path)).matches()) {
      oktaRule(m.group(1), m.group(2), method, m.group(3) != null, patchBody);
    } else {
      note(
          "No Terraform equivalent is written for this call: "
              + method
              + " "
              + path
              + ". The azuread and okta providers manage it only as part of a resource that"
              + " Least does not model here (e.g. one group membership or app assignment among"
              + " many); apply it with the vendor call, or edit the resource that holds it.");
    }
  }

  private void missing(String what, String id) {
    note(
        "No Terraform written: the "
            + what
            + " "
            + id
            + " is not in the snapshot, so its full body (which a Terraform resource must state)"
            + " is unknown.");
  }

  private Optional<ConditionalAccessPolicy> caPolicy(String id) {
    return snapshot.conditionalAccessPolicies().stream()
        .filter(x -> x.id().value().equals(id))
        .findFirst();
  }

  private void importBlock(String address, String id) {
    HclBlock b = new HclBlock("import");
    b.raw("to", address);
    b.str("id", id);
    body.append(b.render()).append('\n');
  }

  private void use(Provider p) {
    if (!providers.contains(p)) {
      providers.add(p);
    }
  }

  /** {@code azuread_conditional_access_policy} from a Graph body; imported when {@code id} set. */
  private void caPolicy(JsonValue.Obj g, @Nullable String id) {
    use(Provider.AZUREAD);
    if (id != null) {
      importBlock("azuread_conditional_access_policy." + name, id);
    }
    HclBlock r = new HclBlock("resource", "azuread_conditional_access_policy", name);
    r.str("display_name", orEmpty(GraphJson.str(g, "displayName")));
    r.str("state", orEmpty(GraphJson.str(g, "state")));
    JsonValue.Obj c = GraphJson.obj(g, "conditions");
    HclBlock conditions = r.block("conditions");
    List<String> clientApps = GraphJson.strings(c, "clientAppTypes");
    conditions.strings("client_app_types", clientApps.isEmpty() ? List.of("all") : clientApps);
    listIfAny(conditions, "sign_in_risk_levels", GraphJson.strings(c, "signInRiskLevels"));
    listIfAny(conditions, "user_risk_levels", GraphJson.strings(c, "userRiskLevels"));
    JsonValue.Obj apps = GraphJson.obj(c, "applications");
    HclBlock a = conditions.block("applications");
    listIfAny(a, "included_applications", GraphJson.strings(apps, "includeApplications"));
    listIfAny(a, "excluded_applications", GraphJson.strings(apps, "excludeApplications"));
    listIfAny(a, "included_user_actions", GraphJson.strings(apps, "includeUserActions"));
    JsonValue.Obj users = GraphJson.obj(c, "users");
    HclBlock u = conditions.block("users");
    for (String[] f :
        new String[][] {
          {"includeUsers", "included_users"},
          {"excludeUsers", "excluded_users"},
          {"includeGroups", "included_groups"},
          {"excludeGroups", "excluded_groups"},
          {"includeRoles", "included_roles"},
          {"excludeRoles", "excluded_roles"}
        }) {
      listIfAny(u, f[1], GraphJson.strings(users, f[0]));
    }
    JsonValue.Obj loc = GraphJson.obj(c, "locations");
    if (!GraphJson.strings(loc, "includeLocations").isEmpty()) {
      HclBlock l = conditions.block("locations");
      l.strings("included_locations", GraphJson.strings(loc, "includeLocations"));
      listIfAny(l, "excluded_locations", GraphJson.strings(loc, "excludeLocations"));
    }
    JsonValue.Obj plat = GraphJson.obj(c, "platforms");
    if (!GraphJson.strings(plat, "includePlatforms").isEmpty()) {
      HclBlock pl = conditions.block("platforms");
      pl.strings("included_platforms", GraphJson.strings(plat, "includePlatforms"));
      listIfAny(pl, "excluded_platforms", GraphJson.strings(plat, "excludePlatforms"));
    }
    JsonValue.Obj grant = GraphJson.obj(g, "grantControls");
    if (!grant.fields().isEmpty()) {
      HclBlock gc = r.block("grant_controls");
      gc.str("operator", Optional.ofNullable(GraphJson.str(grant, "operator")).orElse("OR"));
      listIfAny(gc, "built_in_controls", GraphJson.strings(grant, "builtInControls"));
      listIfAny(
          gc,
          "custom_authentication_factors",
          GraphJson.strings(grant, "customAuthenticationFactors"));
      listIfAny(gc, "terms_of_use", GraphJson.strings(grant, "termsOfUse"));
      gc.strIfPresent(
          "authentication_strength_policy_id",
          GraphJson.str(GraphJson.obj(grant, "authenticationStrength"), "id"));
    }
    JsonValue.Obj session = GraphJson.obj(g, "sessionControls");
    JsonValue.Obj freq = GraphJson.obj(session, "signInFrequency");
    JsonValue.Obj browser = GraphJson.obj(session, "persistentBrowser");
    Boolean freqOn = GraphJson.bool(freq, "isEnabled");
    Boolean browserOn = GraphJson.bool(browser, "isEnabled");
    Boolean restrictions =
        GraphJson.bool(GraphJson.obj(session, "applicationEnforcedRestrictions"), "isEnabled");
    if (Boolean.TRUE.equals(freqOn)
        || Boolean.TRUE.equals(browserOn)
        || Boolean.TRUE.equals(restrictions)) {
      HclBlock s = r.block("session_controls");
      if (Boolean.TRUE.equals(restrictions)) {
        s.bool("application_enforced_restrictions_enabled", true);
      }
      if (Boolean.TRUE.equals(browserOn)) {
        s.strIfPresent("persistent_browser_mode", GraphJson.str(browser, "mode"));
      }
      if (Boolean.TRUE.equals(freqOn)) {
        Long value = GraphJson.number(freq, "value");
        String interval = GraphJson.str(freq, "frequencyInterval");
        if (value != null) {
          s.number("sign_in_frequency", value);
          s.str("sign_in_frequency_period", orEmpty(GraphJson.str(freq, "type")));
        }
        if (interval != null) {
          s.str("sign_in_frequency_interval", interval);
        }
      }
    }
    body.append(r.render());
  }

  private void namedLocation(JsonValue.Obj g) {
    use(Provider.AZUREAD);
    HclBlock r = new HclBlock("resource", "azuread_named_location", name);
    r.str("display_name", orEmpty(GraphJson.str(g, "displayName")));
    String type = orEmpty(GraphJson.str(g, "@odata.type"));
    if (type.endsWith("ipNamedLocation")) {
      List<String> ranges = GraphJson.fieldOfEach(g, "ipRanges", "cidrAddress");
      HclBlock ip = r.block("ip");
      ip.strings("ip_ranges", ranges);
      ip.bool("trusted", Boolean.TRUE.equals(GraphJson.bool(g, "isTrusted")));
    } else {
      HclBlock country = r.block("country");
      country.strings("countries_and_regions", GraphJson.strings(g, "countriesAndRegions"));
      country.bool(
          "include_unknown_countries_and_regions",
          Boolean.TRUE.equals(GraphJson.bool(g, "includeUnknownCountriesAndRegions")));
    }
    body.append(r.render());
  }

  private Optional<Account> account(String id) {
    return snapshot.accounts().stream().filter(a -> a.id().value().equals(id)).findFirst();
  }

  private void entraUser(String id, JsonValue.@Nullable Obj patch) {
    Optional<Account> a = account(id);
    Boolean enabled = patch == null ? null : GraphJson.bool(patch, "accountEnabled");
    if (a.isEmpty() || enabled == null) {
      missing("user", id);
      return;
    }
    use(Provider.AZUREAD);
    importBlock("azuread_user." + name, id);
    HclBlock r = new HclBlock("resource", "azuread_user", name);
    r.str("user_principal_name", a.get().login());
    String display = a.get().displayName();
    r.str("display_name", display == null ? a.get().login() : display);
    r.bool("account_enabled", enabled);
    body.append(r.render());
  }

  private void oktaUser(String id, String status) {
    Optional<Account> found = account(id);
    if (found.isEmpty()) {
      missing("Okta user", id);
      return;
    }
    Account a = found.get();
    use(Provider.OKTA);
    importBlock("okta_user." + name, id);
    note(
        "Only the status is managed here: first and last name are required by okta_user but the"
            + " snapshot keeps the display name only, so they are split from it and ignored by"
            + " lifecycle.ignore_changes (Terraform never changes them).");
    String shown = a.displayName();
    String display = shown == null ? a.login() : shown;
    int space = display.indexOf(' ');
    HclBlock r = new HclBlock("resource", "okta_user", name);
    r.str("login", a.login());
    String email = a.email();
    r.str("email", email == null ? a.login() : email);
    r.str("first_name", space > 0 ? display.substring(0, space) : display);
    r.str("last_name", space > 0 ? display.substring(space + 1) : display);
    r.str("status", status);
    r.block("lifecycle").raw("ignore_changes", "[first_name, last_name, email]");
    body.append(r.render());
  }

  private void oktaZone(JsonValue.Obj z) {
    use(Provider.OKTA);
    HclBlock r = new HclBlock("resource", "okta_network_zone", name);
    r.str("name", orEmpty(GraphJson.str(z, "name")));
    String type = orEmpty(GraphJson.str(z, "type"));
    r.str("type", type);
    r.strIfPresent("usage", GraphJson.str(z, "usage"));
    r.strIfPresent("status", GraphJson.str(z, "status"));
    List<String> gateways = GraphJson.fieldOfEach(z, "gateways", "value");
    List<String> countries = GraphJson.fieldOfEach(z, "locations", "country");
    if (!gateways.isEmpty()) {
      r.strings("gateways", gateways);
    }
    if (!countries.isEmpty()) {
      r.strings("dynamic_locations", countries);
    }
    body.append(r.render());
  }

  private Optional<OktaPolicy> oktaPolicy(String id) {
    return snapshot.oktaPolicies().stream().filter(p -> p.id().value().equals(id)).findFirst();
  }

  private void oktaPolicyStatus(String policyId) {
    Optional<OktaPolicy> p = oktaPolicy(policyId);
    if (p.isEmpty() || !p.get().type().name().equals("OKTA_SIGN_ON")) {
      note(
          "No Terraform written: policy "
              + policyId
              + " is not a global session (OKTA_SIGN_ON) policy in the snapshot; deactivate it"
              + " with the vendor call above.");
      return;
    }
    use(Provider.OKTA);
    importBlock("okta_policy_signon." + name, policyId);
    HclBlock r = new HclBlock("resource", "okta_policy_signon", name);
    r.str("name", p.get().name());
    r.str("status", "INACTIVE");
    r.number("priority", p.get().priority());
    if (!p.get().groupsInclude().isEmpty()) {
      r.strings("groups_included", p.get().groupsInclude());
    }
    body.append(r.render());
  }

  private void oktaRule(
      String policyId,
      String ruleId,
      String method,
      boolean deactivate,
      JsonValue.@Nullable Obj patch) {
    Optional<OktaPolicy> policy = oktaPolicy(policyId);
    Optional<OktaRule> rule =
        policy.flatMap(p -> p.rules().stream().filter(x -> x.id().equals(ruleId)).findFirst());
    if (rule.isEmpty()) {
      missing("Okta rule", policyId + "/" + ruleId);
      return;
    }
    if (!policy.get().type().name().equals("OKTA_SIGN_ON")) {
      note(
          "No Terraform written: rule "
              + ruleId
              + " belongs to an authentication (app sign-on) policy; okta_app_signon_policy_rule"
              + " states it differently from the rule body and is not generated by this version.");
      return;
    }
    if (method.equals("DELETE")) {
      note(
          "Terraform deletes a resource by dropping it from the configuration. If rule "
              + ruleId
              + " is managed in Terraform, remove its okta_policy_rule_signon block and apply;"
              + " otherwise delete it with the vendor call above.");
      return;
    }
    JsonValue.Obj r = GraphJson.parse(rule.get().rawJson());
    if (patch != null) {
      r = GraphJson.merge(r, patch);
    }
    use(Provider.OKTA);
    importBlock("okta_policy_rule_signon." + name, policyId + "/" + ruleId);
    HclBlock res = new HclBlock("resource", "okta_policy_rule_signon", name);
    res.str("policy_id", policyId);
    res.str("name", orEmpty(GraphJson.str(r, "name")));
    res.str("status", deactivate ? "INACTIVE" : orEmpty(GraphJson.str(r, "status")));
    Long priority = GraphJson.number(r, "priority");
    if (priority != null) {
      res.number("priority", priority);
    }
    JsonValue.Obj people = GraphJson.obj(r, "conditions", "people");
    listIfAny(res, "users_excluded", GraphJson.strings(GraphJson.obj(people, "users"), "exclude"));
    listIfAny(
        res, "groups_included", GraphJson.strings(GraphJson.obj(people, "groups"), "include"));
    listIfAny(
        res, "groups_excluded", GraphJson.strings(GraphJson.obj(people, "groups"), "exclude"));
    JsonValue.Obj network = GraphJson.obj(r, "conditions", "network");
    res.strIfPresent("network_connection", GraphJson.str(network, "connection"));
    listIfAny(res, "network_includes", GraphJson.strings(network, "include"));
    listIfAny(res, "network_excludes", GraphJson.strings(network, "exclude"));
    res.strIfPresent(
        "authtype", GraphJson.str(GraphJson.obj(r, "conditions", "authContext"), "authType"));
    JsonValue.Obj signon = GraphJson.obj(r, "actions", "signon");
    res.strIfPresent("access", GraphJson.str(signon, "access"));
    Boolean factor = GraphJson.bool(signon, "requireFactor");
    if (factor != null) {
      res.bool("mfa_required", factor);
    }
    res.strIfPresent("mfa_prompt", GraphJson.str(signon, "factorPromptMode"));
    Long lifetime = GraphJson.number(signon, "factorLifetime");
    if (lifetime != null) {
      res.number("mfa_lifetime", lifetime);
    }
    JsonValue.Obj session = GraphJson.obj(signon, "session");
    Long idle = GraphJson.number(session, "maxSessionIdleMinutes");
    if (idle != null) {
      res.number("session_idle", idle);
    }
    Long sessionLifetime = GraphJson.number(session, "maxSessionLifetimeMinutes");
    if (sessionLifetime != null) {
      res.number("session_lifetime", sessionLifetime);
    }
    Boolean persistent = GraphJson.bool(session, "usePersistentCookie");
    if (persistent != null) {
      res.bool("session_persistent", persistent);
    }
    body.append(res.render());
  }

  private static void listIfAny(HclBlock b, String name, List<String> values) {
    if (!values.isEmpty()) {
      b.strings(name, values);
    }
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}

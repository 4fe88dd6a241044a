package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.Source;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyState;
import dev.least.recommend.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects a policy-level recommendation would create, as the policy engine sees them: new CA
 * policies and named locations or zones. Their ids are {@code proposed-} + the recommendation id,
 * which no tenant object has.
 */
final class ProposedPolicies {
  private ProposedPolicies() {}

  /** The id a created object gets in the what-if. */
  static String idFor(String recommendationId) {
    return "proposed-" + recommendationId;
  }

  /** Guardrail-protected Entra accounts (break-glass): every new policy excludes them. */
  static List<String> protectedEntraAccounts(AnalysisInput in) {
    List<String> out = new ArrayList<>();
    for (Account a : in.snapshot().accounts()) {
      if (a.source() == Source.ENTRA && in.guardrails().protects(a)) {
        out.add(a.id().value());
      }
    }
    return out;
  }

  /**
   * An enabled CA policy for all users but {@code excludeUsers} and all apps, on the given client
   * app types (empty: any) and locations (empty: anywhere), granting with {@code controls}.
   */
  static ConditionalAccessPolicy forAllUsers(
      String id,
      String name,
      List<String> excludeUsers,
      List<String> clientAppTypes,
      List<String> includeLocations,
      List<String> controls) {
    return ConditionalAccessPolicy.proposed(
        new PolicyId(id),
        name,
        PolicyState.ENABLED,
        new ConditionalAccessPolicy.Users(
            List.of("All"), excludeUsers, List.of(), List.of(), List.of(), List.of(), null, null),
        List.of("All"),
        clientAppTypes,
        new ConditionalAccessPolicy.Locations(includeLocations, List.of()),
        controls);
  }

  /** A country location: an Entra country named location or an Okta dynamic blocklist zone. */
  static NamedLocation country(String id, Source source, String name, String code) {
    boolean okta = source == Source.OKTA;
    return new NamedLocation(
        new LocationId(id),
        source,
        name,
        okta ? LocationKind.DYNAMIC : LocationKind.COUNTRY,
        false,
        List.of(),
        List.of(code),
        false,
        okta,
        true);
  }

  /** An IP location: an Entra named location (trusted) or an Okta IP zone. */
  static NamedLocation network(String id, Source source, String name, String cidr) {
    return new NamedLocation(
        new LocationId(id),
        source,
        name,
        LocationKind.IP,
        source == Source.ENTRA,
        List.of(cidr),
        List.of(),
        false,
        false,
        true);
  }

  /** The recommendation's id, for naming created objects before it exists. */
  static String idOf(
      dev.least.recommend.RecommendationType type,
      String platform,
      dev.least.recommend.Ref target) {
    return Recommendation.stableId(type, platform, target, List.of());
  }
}

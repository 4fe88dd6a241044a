package dev.least.review;

import static java.util.Objects.requireNonNull;

import dev.least.sod.Entitlement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One user-access pair with the facts behind its suggestion.
 *
 * @param grantedVia "direct", "nested: group A → group B", "rule: …"
 * @param uses successful sign-ins to the apps this access grants within the usage window; -1 when
 *     usage cannot be measured from sign-ins (roles, groups granting no app)
 * @param lastUse ISO time of the last such sign-in, when any
 * @param peers accounts in the same peer group (same department, else same manager), the user
 *     excluded
 * @param peersHolding peers holding the same access
 * @param peersUsing peers holding it who used it in the window (-1 when not measurable)
 * @param sampleEventIds up to 10 sign-ins showing the use
 */
public record ReviewItem(
    String accountId,
    String login,
    String platform,
    Entitlement access,
    String grantedVia,
    @Nullable String hrStatus,
    @Nullable String peerGroup,
    long uses,
    @Nullable String lastUse,
    int peers,
    int peersHolding,
    int peersUsing,
    Suggestion suggestion,
    double confidence,
    String justification,
    List<String> sampleEventIds) {
  public ReviewItem {
    requireNonNull(accountId, "accountId");
    requireNonNull(login, "login");
    requireNonNull(access, "access");
    requireNonNull(grantedVia, "grantedVia");
    requireNonNull(suggestion, "suggestion");
    requireNonNull(justification, "justification");
    sampleEventIds = List.copyOf(sampleEventIds);
  }
}

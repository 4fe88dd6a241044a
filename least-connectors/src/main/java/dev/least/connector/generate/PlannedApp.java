package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.model.Source;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An application on one platform.
 *
 * @param id Entra service principal object id / Okta app id
 * @param clientId Entra {@code appId} (what CA policies and sign-ins name); the Okta app id
 * @param groups ids of the groups assigned to the app; empty with {@code everyone}
 * @param everyone used by every active member (no assignment required)
 * @param visitsPerDay mean visits on a working day by a person who has the app
 * @param accessPolicyId Okta app access policy id
 */
record PlannedApp(
    Source platform,
    String id,
    String clientId,
    String name,
    List<String> groups,
    boolean everyone,
    double visitsPerDay,
    @Nullable String accessPolicyId,
    String oktaName) {
  PlannedApp {
    requireNonNull(platform, "platform");
    requireNonNull(id, "id");
    requireNonNull(clientId, "clientId");
    requireNonNull(name, "name");
    groups = List.copyOf(groups);
  }
}

package dev.least.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * An application. Entra: a service principal ({@code clientId} = its {@code appId}, which CA
 * policies and sign-ins reference). Okta: an app ({@code accessPolicyId} from {@code
 * _links.accessPolicy.href}).
 */
public record App(
    AppId id,
    Source source,
    String name,
    @Nullable String clientId,
    @Nullable PolicyId accessPolicyId,
    boolean active) {
  public App {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(name, "name");
  }
}

package dev.least.recommend;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** The vendor API call that applies a recommendation (Graph or Okta path, relative). */
public record Patch(String method, String path, JsonValue.@Nullable Obj body) {
  public Patch {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    if (!java.util.Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
      throw new IllegalArgumentException("Expected POST, PUT, PATCH or DELETE but was " + method);
    }
  }
}

package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A comment on a recommendation. */
public record Comment(long id, long recommendationId, String author, Instant at, String body) {
  public Comment {
    requireNonNull(author, "author");
    requireNonNull(at, "at");
    requireNonNull(body, "body");
  }
}

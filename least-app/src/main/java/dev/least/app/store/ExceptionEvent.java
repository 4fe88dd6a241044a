package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.ExceptionState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One state change of a policy exception ({@code from} is absent for the request itself). */
public record ExceptionEvent(
    long id,
    long exceptionId,
    @Nullable ExceptionState from,
    ExceptionState to,
    String actor,
    Instant at,
    @Nullable String comment) {
  public ExceptionEvent {
    requireNonNull(to, "to");
    requireNonNull(actor, "actor");
    requireNonNull(at, "at");
  }
}

package dev.least.app.store;

import dev.least.app.workflow.ExceptionState;
import org.jspecify.annotations.Nullable;

/** Exception list filters; an absent value does not filter. {@code policy} is an id or a name. */
public record ExceptionFilter(
    @Nullable String tenant,
    @Nullable ExceptionState state,
    @Nullable String platform,
    @Nullable String policy,
    @Nullable String subject,
    @Nullable String requester) {}

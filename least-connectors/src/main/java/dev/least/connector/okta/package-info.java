/**
 * Reading the {@code okta/} part of a snapshot folder into the core model.
 *
 * <p>{@link dev.least.connector.okta.OktaSnapshotReader} orders the files; the mappers turn one
 * Management API object into one model value ({@code OktaDirectoryMapper}, {@code
 * OktaPolicyMapper}, {@code OktaZoneMapper}); {@code OktaSystemLogReader} streams the System Log
 * and {@code OktaSystemLogParser} maps one {@code LogEvent} without building a tree. Decisions
 * taken on open questions (which events are sign-ins, MFA and risk evidence, trusted zones,
 * group-scoped app users, shapes outside the contract) are documented on those classes.
 */
@NullMarked
package dev.least.connector.okta;

import org.jspecify.annotations.NullMarked;

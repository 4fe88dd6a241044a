/**
 * The append-only audit log: every workflow state change is one row, chained by SHA-256 over the
 * previous row's hash and a canonical form of the row, so an edited, deleted or reordered row is
 * found by {@link dev.least.app.audit.AuditLog#verify()}.
 */
@NullMarked
package dev.least.app.audit;

import org.jspecify.annotations.NullMarked;

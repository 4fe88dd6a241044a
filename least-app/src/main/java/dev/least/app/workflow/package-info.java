/**
 * The recommendation lifecycle: importing a snapshot proposes recommendations; people move them
 * through legal transitions only, with optimistic locking, the two-person rule and the guardrails
 * enforced here, and every transition writes an audit row.
 */
@NullMarked
package dev.least.app.workflow;

import org.jspecify.annotations.NullMarked;

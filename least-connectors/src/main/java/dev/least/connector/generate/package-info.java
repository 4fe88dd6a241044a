/**
 * A synthetic tenant generator with planted ground truth ({@code least generate}): an organisation
 * plan, the vendors' wire formats for directory, policies and logs, and {@code truth.json}.
 * Deterministic: one seeded random source, stable iteration orders, no wall clock.
 */
@NullMarked
package dev.least.connector.generate;

import org.jspecify.annotations.NullMarked;

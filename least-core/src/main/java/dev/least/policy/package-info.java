/**
 * The vendor-neutral policy evaluation contract. Vendor semantics live in {@code entra} and {@code
 * okta}; they depend on this package, never the reverse.
 */
@NullMarked
package dev.least.policy;

import org.jspecify.annotations.NullMarked;

/**
 * Separation of duties: what a user holds and how (entitlement paths), the rule library ({@code
 * least.yaml} plus a shipped starter library), and the pre-provisioning access check.
 */
@NullMarked
package dev.least.sod;

import org.jspecify.annotations.NullMarked;

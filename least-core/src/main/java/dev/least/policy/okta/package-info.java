/**
 * Okta global session and authentication policies: parsed model and rule-priority semantics.
 *
 * <p>{@link dev.least.policy.okta.OktaSignOnEvaluator} reproduces {@code policy.evaluate_sign_on}
 * (reference {@code shared/reference/okta-policy-semantics.md}): blocklist zones first; global
 * session policies by priority (system policy last), first policy assigned to the user whose rules
 * match; the app's authentication policy (no fall-through); rules by priority (system rules last),
 * inactive ones skipped, all conditions ANDed in three-valued logic ({@link
 * dev.least.policy.okta.Match}). The combined {@link dev.least.policy.Decision}: BLOCK when a
 * blocklist, a DENY rule or a missing catch-all stops the sign-in; NOT_EVALUABLE when a rule or a
 * requirement depends on a signal the request lacks; REQUIRE_CONTROLS when the session must still
 * verify a factor (global session prompt, {@code primaryFactor: PASSWORD_IDP}, or the app rule's
 * assurance); ALLOW otherwise. {@link dev.least.policy.okta.OktaWhatIf} explains one sign-in.
 */
@NullMarked
package dev.least.policy.okta;

import org.jspecify.annotations.NullMarked;

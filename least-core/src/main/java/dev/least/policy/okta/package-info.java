/** Okta global session and authentication policies: parsed model and rule-priority semantics. */
@NullMarked
package dev.least.policy.okta;

import org.jspecify.annotations.NullMarked;

/**
 * Policy exception requests: the risk of excluding one person from one policy for a while, scored
 * from documented features with documented weights ({@link ExceptionFeature}, {@link
 * ExceptionRiskModel}), and where the request goes ({@link ExceptionRouting}). Facts come from a
 * snapshot ({@link SubjectFacts}, {@link PolicyCriticality}); storage and the workflow live in the
 * server.
 */
@NullMarked
package dev.least.policyexception;

import org.jspecify.annotations.NullMarked;

package dev.least.policy.okta;

import org.jspecify.annotations.Nullable;

/**
 * One element of {@code verificationMethod.constraints}: "only one constraint object needs to be
 * satisfied. But, within a constraint object, each constraint property must be satisfied" (SPEC
 * {@code AssuranceMethod}).
 */
public record AssuranceConstraint(
    @Nullable FactorConstraint knowledge, @Nullable FactorConstraint possession) {}

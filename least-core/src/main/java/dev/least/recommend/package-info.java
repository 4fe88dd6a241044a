/**
 * The output vocabulary: recommendations with their target, subjects, evidence, confidence, risk,
 * simulated impact and the vendor API patch that would apply them (contract:
 * shared/contracts/recommendations.md).
 */
@NullMarked
package dev.least.recommend;

import org.jspecify.annotations.NullMarked;

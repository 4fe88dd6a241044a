/**
 * Role mining: the user × entitlement matrix as bitsets, the exact basic role-minimisation method
 * of Ene et al. (SACMAT 2008: collapse identical rows and columns, extract mandatory bicliques,
 * drop covered vertices, iterate, then a greedy cover of the remainder with a lower bound that can
 * prove optimality), a noise-tolerant (δ-approx) variant and Jaccard near-duplicate detection.
 */
@NullMarked
package dev.least.roles;

import org.jspecify.annotations.NullMarked;

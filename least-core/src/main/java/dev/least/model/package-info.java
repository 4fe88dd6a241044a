/**
 * The vendor-neutral model of one tenant: people, accounts, groups, apps, role assignments,
 * locations, policies and the sign-in log. Records and typed ids only; no I/O.
 */
@NullMarked
package dev.least.model;

import org.jspecify.annotations.NullMarked;

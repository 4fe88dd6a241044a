/**
 * Role-mining inputs outside snapshots: the HP Labs format ({@code <user> <permission>} per line,
 * whitespace-padded) and a plain {@code user,permission} CSV.
 */
@NullMarked
package dev.least.connector.roles;

import org.jspecify.annotations.NullMarked;

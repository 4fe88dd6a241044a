/**
 * JDBC repositories for tenants, snapshots, analysis runs, recommendations and users (H2,
 * PostgreSQL).
 */
@NullMarked
package dev.least.app.store;

import org.jspecify.annotations.NullMarked;

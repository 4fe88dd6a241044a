/**
 * The server-rendered dashboard (Thymeleaf + htmx + ECharts, all served from the jar): login,
 * overview per tenant, recommendations list and detail with the workflow actions the user's role
 * allows, snapshot import (folder or zip upload) and the audit page. Controllers are thin adapters
 * over the same use cases as the REST API ({@code Workflow}, {@code SnapshotImport}, {@code
 * SnapshotUpload}, {@code AuditLog}); no business logic lives here.
 */
@NullMarked
package dev.least.app.web;

import org.jspecify.annotations.NullMarked;

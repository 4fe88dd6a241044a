/**
 * The server list/filter benchmark (issue 7): {@link dev.least.bench.server.RecommendationLoader}
 * fills a migrated PostgreSQL database with recommendations the engine really writes, {@link
 * dev.least.bench.server.ListLoadGenerator} drives {@code GET /api/v1/recommendations} at a fixed
 * rate. {@code bench/api-load.sh} runs both end to end.
 */
@NullMarked
package dev.least.bench.server;

import org.jspecify.annotations.NullMarked;

-- EXPLAIN ANALYZE of the list queries RecommendationRepository sends, on a database that
-- bench/api-load.sh loaded and kept (KEEP_DB=1):  psql -h 127.0.0.1 -U postgres -d least_bench -f bench/api-load-explain.sql
-- Each list is a page query (ids of size + 1 rows by an index-only scan, then those rows by key)
-- and, unless it is the last page, a capped count.
\pset pager off
SELECT id AS contoso FROM tenants WHERE name = 'contoso' \gset
SELECT id AS litware FROM tenants WHERE name = 'litware' \gset
SELECT id AS proseware FROM tenants WHERE name = 'proseware' \gset

\echo '== inbox: tenant + state, first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.tenant_id = :contoso AND r.state = 'proposed' ORDER BY r.id OFFSET 0 ROWS FETCH NEXT 51 ROWS ONLY) ORDER BY r.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM (SELECT 1 FROM recommendations r
  WHERE r.tenant_id = :contoso AND r.state = 'proposed' FETCH FIRST 10001 ROWS ONLY) c;

\echo '== small tenant + rare type + state'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.tenant_id = :proseware AND r.type = 'retire_policy' AND r.state = 'proposed'
  ORDER BY r.id OFFSET 0 ROWS FETCH NEXT 51 ROWS ONLY) ORDER BY r.id;

\echo '== tenant + state + risk'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.tenant_id = :litware AND r.state = 'proposed' AND r.risk = 'high'
  ORDER BY r.id OFFSET 0 ROWS FETCH NEXT 51 ROWS ONLY) ORDER BY r.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM (SELECT 1 FROM recommendations r
  WHERE r.tenant_id = :litware AND r.state = 'proposed' AND r.risk = 'high' FETCH FIRST 10001 ROWS ONLY) c;

\echo '== cross-tenant type + rare state'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.type = 'mfa_coverage_gap' AND r.state = 'failed'
  ORDER BY r.id OFFSET 0 ROWS FETCH NEXT 51 ROWS ONLY) ORDER BY r.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM (SELECT 1 FROM recommendations r
  WHERE r.type = 'mfa_coverage_gap' AND r.state = 'failed' FETCH FIRST 10001 ROWS ONLY) c;

\echo '== four filters'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.tenant_id = :contoso AND r.platform = 'okta' AND r.type = 'remove_unused_access' AND r.risk = 'medium'
  ORDER BY r.id OFFSET 0 ROWS FETCH NEXT 51 ROWS ONLY) ORDER BY r.id;

\echo '== keyset from the middle'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.tenant_id = :contoso AND r.state = 'proposed' AND r.id > 500000
  ORDER BY r.id OFFSET 0 ROWS FETCH NEXT 51 ROWS ONLY) ORDER BY r.id;

\echo '== deepest offset page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.tenant_id = :litware ORDER BY r.id OFFSET 9950 ROWS FETCH NEXT 51 ROWS ONLY) ORDER BY r.id;

\echo '== since issue 7 round 2: one round trip, the capped count as a scalar subquery (InitPlan) of the page query'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.id, r.type, r.state,
  (SELECT COUNT(*) FROM (SELECT 1 FROM recommendations r WHERE r.tenant_id = :contoso AND r.state = 'proposed' FETCH FIRST 1001 ROWS ONLY) c) AS capped_total
  FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r
  WHERE r.tenant_id = :contoso AND r.state = 'proposed' ORDER BY r.rank_score DESC NULLS LAST, r.id OFFSET 0 ROWS FETCH NEXT 51 ROWS ONLY)
  ORDER BY r.rank_score DESC NULLS LAST, r.id;

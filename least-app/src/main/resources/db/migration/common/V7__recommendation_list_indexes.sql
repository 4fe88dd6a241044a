-- Lists at scale (issue 7: 1M recommendations, list/filter p99 < 50 ms at 200 req/s).
-- A list is "equality filters on tenant, type, platform, state, risk; ORDER BY id; first N rows"
-- plus a count capped at 1,001 (RecommendationRepository.page). Each index below starts with the
-- filters a person starts from, then id, so a matching range is already in id order and a page
-- reads N entries instead of sorting every match; the remaining filter columns follow id, so the
-- other filters are checked on the index entry itself (index-only scan) and the table is read
-- only for the rows shown. Platform has too few values to lead an index. V1's
-- (tenant_id, type, platform, risk, id) stays: it answers tenant + type + platform + risk, and
-- covers it. V1's (tenant_id, state, id) is replaced by the covering one below.
DROP INDEX recommendations_list;
CREATE INDEX recommendations_tenant
  ON recommendations (tenant_id, id, state, type, risk, platform);
CREATE INDEX recommendations_tenant_state
  ON recommendations (tenant_id, state, id, type, risk, platform);
CREATE INDEX recommendations_tenant_type
  ON recommendations (tenant_id, type, id, state, risk, platform);
CREATE INDEX recommendations_state
  ON recommendations (state, id, tenant_id, type, risk, platform);
CREATE INDEX recommendations_type
  ON recommendations (type, id, tenant_id, state, risk, platform);
CREATE INDEX recommendations_risk
  ON recommendations (risk, id, tenant_id, state, type, platform);

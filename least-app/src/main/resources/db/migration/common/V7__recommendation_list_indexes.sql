-- Lists at scale (issue 7: 1M recommendations, list/filter p99 < 50 ms at 200 req/s).
-- A list is "equality filters on tenant, type, platform, state, risk; ORDER BY id; first N rows"
-- (offset or keyset paging, see RecommendationRepository.page). An index (filter columns..., id)
-- hands such a query its rows already in id order, so the database reads N index entries instead
-- of sorting every match. One index per filter a person actually starts from (tenant, state, type,
-- risk; platform has too few values to narrow anything), plus tenant+state (the review inbox) and
-- tenant+type. Other combinations combine these (bitmap AND) or filter a few rows of one of them.
-- V1's (tenant_id, type, platform, risk, id) gave id order only with all four filters set.
DROP INDEX recommendations_filter;
CREATE INDEX recommendations_tenant ON recommendations (tenant_id, id);
CREATE INDEX recommendations_tenant_type ON recommendations (tenant_id, type, id);
CREATE INDEX recommendations_state ON recommendations (state, id);
CREATE INDEX recommendations_type ON recommendations (type, id);
CREATE INDEX recommendations_risk ON recommendations (risk, id);

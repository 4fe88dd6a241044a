-- Feedback re-ranks stored recommendations (issue 7): a decision re-ranks the open (proposed,
-- deferred) recommendations of the same tenant, type and target pattern
-- (FeedbackModel.pattern: kind:@domain or kind:token*). The pattern is computed in Java, so it is
-- stored with each row on insert; rows stored before this migration get it from a bounded
-- background pass at start-up (RankPatternBackfill). The index finds one pattern's open rows
-- without reading the rest of the tenant. It leads with target_pattern, which no list filters on,
-- so the planner never takes it for a list instead of V7's and V8's indexes (a (tenant_id, type,
-- ...) prefix would compete with recommendations_tenant_type for tenant + type lists).
ALTER TABLE recommendations ADD COLUMN target_pattern VARCHAR(600);
CREATE INDEX recommendations_open_pattern
  ON recommendations (target_pattern, tenant_id, type, state, id);

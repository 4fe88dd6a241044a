-- Feedback loop: the reason code of each decision, and each recommendation's confidence as the
-- feedback model adjusted it when the recommendation was stored (the original stays in
-- `confidence`), the rank score (adjusted confidence x risk weight) and the model's explanation.
ALTER TABLE recommendation_events ADD COLUMN reason_code VARCHAR(30);
ALTER TABLE recommendations ADD COLUMN adjusted_confidence DOUBLE PRECISION;
ALTER TABLE recommendations ADD COLUMN rank_score DOUBLE PRECISION;
ALTER TABLE recommendations ADD COLUMN adjustment_json TEXT;
CREATE INDEX recommendations_rank ON recommendations (tenant_id, rank_score, id);
CREATE INDEX recommendation_events_decisions ON recommendation_events (to_state, recommendation_id);

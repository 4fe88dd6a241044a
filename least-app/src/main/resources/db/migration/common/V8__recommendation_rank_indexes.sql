-- Ranked lists at scale: the list's default order is rank_score DESC NULLS LAST, id
-- (RecommendationRepository.Sort.RANK). Like V7's id-ordered indexes, these start with the filter
-- a person starts from, then the order, then the other filter columns, so a ranked page reads its
-- N entries from an index-only scan instead of sorting every match. V4's (tenant_id, rank_score,
-- id) cannot serve "rank_score DESC, id ASC" in one direction and is replaced by the covering
-- tenant index below.
DROP INDEX recommendations_rank;
CREATE INDEX recommendations_tenant_rank
  ON recommendations (tenant_id, rank_score DESC NULLS LAST, id, state, type, risk, platform);
CREATE INDEX recommendations_rank_all
  ON recommendations (rank_score DESC NULLS LAST, id, tenant_id, state, type, risk, platform);

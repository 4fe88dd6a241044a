package dev.least.app.config;

import dev.least.app.store.RecommendationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fills the target pattern of recommendations stored before V10 (which re-ranking after a decision
 * looks rows up by), once, in the background after start-up: batches of {@value #BATCH} rows by
 * primary key, each its own short statement, so the server serves requests meanwhile. Until a row
 * has its pattern, decisions do not re-rank it. New rows get it on insert; the pass finds nothing
 * to do on a database created with V10.
 */
@Component
public class RankPatternBackfill implements ApplicationRunner {
  static final int BATCH = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(RankPatternBackfill.class);

  private final RecommendationRepository recommendations;

  public RankPatternBackfill(RecommendationRepository recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void run(ApplicationArguments args) {
    Thread t = new Thread(this::backfill, "least-rank-pattern-backfill");
    t.setDaemon(true);
    t.start();
  }

  /** Runs the pass to the end; returns how many batches it took. */
  int backfill() {
    long after = 0;
    int batches = 0;
    try {
      while ((after = recommendations.backfillPatterns(after, BATCH)) >= 0) {
        batches++;
      }
      if (batches > 0) {
        LOG.info("filled the target pattern of older recommendations in {} batch(es)", batches);
      }
    } catch (RuntimeException e) {
      LOG.warn("target pattern backfill stopped; it resumes at the next start", e);
    }
    return batches;
  }
}

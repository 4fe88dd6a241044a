package dev.least.app.config;

import dev.least.app.workflow.ExceptionWorkflow;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Expires active policy exceptions whose end has passed, every {@code
 * least.exceptions.expiry-interval} (ISO-8601, default {@code PT5M}); each expiry records the
 * automatic revert in the audit trail with actor {@code system}. {@code POST
 * /api/v1/exceptions/expire} (admin) runs the same pass at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ExceptionExpiryScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionExpiryScheduler.class);

  private final ExceptionWorkflow exceptions;

  public ExceptionExpiryScheduler(ExceptionWorkflow exceptions) {
    this.exceptions = exceptions;
  }

  @Scheduled(
      initialDelayString = "${least.exceptions.expiry-interval:PT5M}",
      fixedDelayString = "${least.exceptions.expiry-interval:PT5M}")
  void expire() {
    List<Long> expired = exceptions.expireDue();
    if (!expired.isEmpty()) {
      LOG.info("expired {} policy exception(s): {}", expired.size(), expired);
    }
  }
}

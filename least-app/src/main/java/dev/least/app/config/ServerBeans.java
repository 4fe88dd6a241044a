package dev.least.app.config;

import dev.least.app.audit.AuditLog;
import dev.least.app.store.ApiTokenCache;
import dev.least.app.store.PolicyExceptionRepository;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Administration;
import dev.least.app.workflow.ExceptionWorkflow;
import dev.least.app.workflow.ImportRoots;
import dev.least.app.workflow.SnapshotArchive;
import dev.least.app.workflow.SnapshotImport;
import dev.least.app.workflow.SnapshotLoader;
import dev.least.app.workflow.SnapshotUpload;
import dev.least.app.workflow.Workflow;
import dev.least.policyexception.ExceptionRouting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The server's objects: plain classes, built here so they stay free of Spring annotations. */
@Configuration(proxyBeanMethods = false)
public class ServerBeans {
  /** The version the engine reports in runs and audit rows. */
  public static String engineVersion() {
    String v = ServerBeans.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  TransactionTemplate transactionTemplate(PlatformTransactionManager tm) {
    return new TransactionTemplate(tm);
  }

  @Bean
  AuditLog auditLog(DataSource ds, Clock clock) {
    return new AuditLog(ds, clock);
  }

  @Bean
  TenantRepository tenantRepository(DataSource ds, Clock clock) {
    return new TenantRepository(ds, clock);
  }

  @Bean
  SnapshotRepository snapshotRepository(DataSource ds) {
    return new SnapshotRepository(ds);
  }

  @Bean
  RecommendationRepository recommendationRepository(DataSource ds) {
    return new RecommendationRepository(ds);
  }

  @Bean
  UserRepository userRepository(DataSource ds, Clock clock) {
    return new UserRepository(ds, clock);
  }

  /**
   * API token owners, remembered for {@code least.api.token-cache-seconds} (5; 0 = look every token
   * up on every request): a token revoked or a user disabled in the database is refused within that
   * time.
   */
  @Bean
  ApiTokenCache apiTokenCache(
      UserRepository users, @Value("${least.api.token-cache-seconds:5}") long seconds) {
    return new ApiTokenCache(users, Duration.ofSeconds(seconds));
  }

  @Bean
  Workflow workflow(
      RecommendationRepository r,
      SnapshotRepository s,
      TenantRepository t,
      AuditLog a,
      TransactionTemplate tx,
      Clock clock) {
    return new Workflow(r, s, t, a, tx, clock);
  }

  @Bean
  Administration administration(
      UserRepository u,
      TenantRepository t,
      AuditLog a,
      TransactionTemplate tx,
      org.springframework.security.crypto.password.PasswordEncoder passwords) {
    return new Administration(u, t, a, tx, passwords);
  }

  @Bean
  PolicyExceptionRepository policyExceptionRepository(DataSource ds) {
    return new PolicyExceptionRepository(ds);
  }

  @Bean
  SnapshotLoader snapshotLoader() {
    return new SnapshotLoader();
  }

  /**
   * Exception routing limits: {@code least.exceptions.max-duration-days} (90), {@code
   * auto-approve-max-days} (7), {@code max-active-per-user} (2).
   */
  @Bean
  ExceptionRouting.Limits exceptionLimits(
      @Value("${least.exceptions.max-duration-days:90}") int maxDays,
      @Value("${least.exceptions.auto-approve-max-days:7}") int autoDays,
      @Value("${least.exceptions.max-active-per-user:2}") int maxActive) {
    return new ExceptionRouting.Limits(maxDays, autoDays, maxActive);
  }

  @Bean
  ExceptionWorkflow exceptionWorkflow(
      PolicyExceptionRepository e,
      SnapshotRepository s,
      TenantRepository t,
      AuditLog a,
      TransactionTemplate tx,
      Clock clock,
      SnapshotLoader loader,
      ExceptionRouting.Limits limits) {
    return new ExceptionWorkflow(e, s, t, a, tx, clock, loader, limits, engineVersion());
  }

  @Bean
  ImportRoots importRoots(@Value("${least.import-roots:${least.data-dir}/imports}") String roots) {
    return ImportRoots.parse(roots);
  }

  @Bean
  SnapshotArchive snapshotArchive(
      @Value("${least.upload.max-entries:200000}") int maxEntries,
      @Value("${least.upload.max-unpacked-bytes:4294967296}") long maxBytes,
      @Value("${least.upload.max-ratio:200}") int maxRatio) {
    return new SnapshotArchive(new SnapshotArchive.Limits(maxEntries, maxBytes, maxRatio));
  }

  @Bean
  SnapshotUpload snapshotUpload(
      SnapshotArchive archive,
      SnapshotImport imports,
      @Value("${least.data-dir}") String dataDir,
      Clock clock) {
    return new SnapshotUpload(archive, imports, Path.of(dataDir, "uploads"), clock);
  }

  @Bean
  SnapshotImport snapshotImport(
      TenantRepository t,
      SnapshotRepository s,
      RecommendationRepository r,
      AuditLog a,
      TransactionTemplate tx,
      Clock clock) {
    return new SnapshotImport(t, s, r, a, tx, clock, engineVersion());
  }
}

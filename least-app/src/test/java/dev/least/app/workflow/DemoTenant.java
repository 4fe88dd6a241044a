package dev.least.app.workflow;

import dev.least.app.audit.AuditLog;
import dev.least.app.store.PolicyExceptionRepository;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.TestDatabase;
import dev.least.policyexception.ExceptionRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bundled demo snapshot imported into a test database by {@code ivan} (analyst), with the
 * server's real repositories, workflows and a clock the test moves.
 */
final class DemoTenant {
  static final Actor IVAN = new Actor("ivan", Role.ANALYST);

  final TestDatabase db;
  final dev.least.app.MovableClock clock =
      new dev.least.app.MovableClock(Instant.parse("2026-11-21T09:00:00Z"));
  final TenantRepository tenants;
  final SnapshotRepository snapshots;
  final RecommendationRepository recommendations;
  final PolicyExceptionRepository exceptions;
  final AuditLog audit;
  final TransactionTemplate tx;
  final SnapshotImport importer;
  final Workflow workflow;
  final ExceptionWorkflow exceptionWorkflow;
  final Path folder;

  DemoTenant(TestDatabase db) {
    this.db = db;
    tenants = new TenantRepository(db.dataSource(), clock);
    snapshots = new SnapshotRepository(db.dataSource());
    recommendations = new RecommendationRepository(db.dataSource());
    exceptions = new PolicyExceptionRepository(db.dataSource());
    audit = new AuditLog(db.dataSource(), clock);
    tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    importer = new SnapshotImport(tenants, snapshots, recommendations, audit, tx, clock, "test");
    workflow = new Workflow(recommendations, snapshots, tenants, audit, tx, clock);
    exceptionWorkflow =
        new ExceptionWorkflow(
            exceptions,
            snapshots,
            tenants,
            audit,
            tx,
            clock,
            new SnapshotLoader(),
            ExceptionRouting.Limits.DEFAULTS,
            "test");
    try {
      folder = Files.createTempDirectory("least-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    copyDemo(folder);
  }

  SnapshotImport.Imported importDemo() {
    return importer.importFolder("", folder, IVAN);
  }

  /** Copies the bundled demo snapshot (listed in its INDEX) into {@code target}. */
  static void copyDemo(Path target) {
    String base = "/dev/least/app/demo-snapshot/";
    try (InputStream index = DemoTenant.class.getResourceAsStream(base + "INDEX")) {
      List<String> files =
          new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String f : files) {
        Path out = target.resolve(f);
        Files.createDirectories(out.getParent());
        try (InputStream in = DemoTenant.class.getResourceAsStream(base + f)) {
          Files.copy(in, out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.least.bench;

import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.source.FileStat;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Least's own path: {@code SnapshotFolderReader.defaults(threads).read(root, sink)}; with one
 * thread everything runs on the calling thread.
 */
final class LeastIngest {
  /**
   * One read.
   *
   * @param entraNanos time the reader recorded for the Entra sign-in file, -1 when it recorded none
   * @param oktaNanos likewise for the Okta System Log
   */
  record Ingested(
      long normalized,
      long entraNormalized,
      long oktaNormalized,
      long quarantined,
      long entraNanos,
      long oktaNanos,
      SnapshotReadResult result) {}

  private LeastIngest() {}

  static Ingested read(Path root, int threads) {
    AtomicLong quarantined = new AtomicLong();
    SnapshotReadResult r =
        SnapshotFolderReader.defaults(threads).read(root, rec -> quarantined.incrementAndGet());
    long entra = -1;
    long okta = -1;
    for (FileStat f : r.files()) {
      if (f.file().endsWith("signIns.jsonl")) {
        entra = f.nanos();
      } else if (f.file().endsWith("logs.jsonl")) {
        okta = f.nanos();
      }
    }
    SignInLog log = r.snapshot().signIns();
    long fromEntra = 0;
    for (int i = 0; i < log.size(); i++) {
      if (log.source(i) == Source.ENTRA) {
        fromEntra++;
      }
    }
    return new Ingested(
        log.size(), fromEntra, log.size() - fromEntra, quarantined.get(), entra, okta, r);
  }
}

package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import dev.least.app.store.StoredSnapshot;
import dev.least.model.TenantSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed data of an imported snapshot, read again from the folder it was imported from. The
 * folder must still be there and unchanged: its checksum is compared with the one stored at import,
 * so a decision is never made on data other than the audited snapshot. The last two snapshots read
 * are kept in memory.
 */
public final class SnapshotLoader {
  private static final int KEEP = 2;

  private final Map<Long, TenantSnapshot> cache = new LinkedHashMap<>();

  /**
   * The snapshot's data.
   *
   * @throws TransitionRefused {@code SNAPSHOT_CHANGED} when the folder is gone or was changed
   */
  public TenantSnapshot load(StoredSnapshot snapshot) {
    requireNonNull(snapshot, "snapshot");
    synchronized (cache) {
      TenantSnapshot hit = cache.get(snapshot.id());
      if (hit != null) {
        return hit;
      }
    }
    Path folder = Path.of(snapshot.source());
    if (!Files.isDirectory(folder)) {
      throw new TransitionRefused(
          TransitionRefused.Reason.SNAPSHOT_CHANGED,
          "snapshot "
              + snapshot.id()
              + " was imported from "
              + folder
              + ", which is no longer there; import the tenant again");
    }
    String checksum = SnapshotImport.checksum(folder);
    if (!checksum.equals(snapshot.checksum())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.SNAPSHOT_CHANGED,
          "the folder "
              + folder
              + " changed since snapshot "
              + snapshot.id()
              + " was imported (checksum "
              + checksum
              + ", imported "
              + snapshot.checksum()
              + "); import it again");
    }
    TenantSnapshot data = SnapshotImport.read(folder).result().snapshot();
    synchronized (cache) {
      cache.put(snapshot.id(), data);
      while (cache.size() > KEEP) {
        cache.remove(cache.keySet().iterator().next());
      }
    }
    return data;
  }
}

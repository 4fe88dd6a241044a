package dev.least.connector.entra;

import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotAccumulator;
import dev.least.connector.snapshot.SourceReader;

/** Reads {@code entra/}: directory, roles, CA policies, named locations and sign-ins. */
public final class EntraSnapshotReader implements SourceReader {
  @Override
  public void read(ReadContext ctx, SnapshotAccumulator acc) {
    // filled in by the Entra reader work (issue 3)
  }
}

package dev.least.connector.okta;

import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotAccumulator;
import dev.least.connector.snapshot.SourceReader;

/** Reads {@code okta/}: users, groups, rules, apps, policies, zones and the System Log. */
public final class OktaSnapshotReader implements SourceReader {
  @Override
  public void read(ReadContext ctx, SnapshotAccumulator acc) {
    // filled in by the Okta reader work (issue 3)
  }
}

package dev.least.model;

/** HR worker status as the snapshot contract's {@code hr/workers.csv} gives it. */
public enum WorkerStatus {
  ACTIVE,
  LEAVE,
  TERMINATED
}

/**
 * Benchmarks: JMH benchmarks, a deterministic generator of realistic sign-in logs and the
 * side-by-side ingest run ({@link dev.least.bench.IngestBenchmark}).
 */
@NullMarked
package dev.least.bench;

import org.jspecify.annotations.NullMarked;

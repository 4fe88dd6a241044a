/** Benchmarks: JMH suites and plain mains that print comparison tables. */
@NullMarked
package dev.least.bench;

import org.jspecify.annotations.NullMarked;

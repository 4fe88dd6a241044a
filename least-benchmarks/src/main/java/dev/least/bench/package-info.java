/** JMH benchmarks. Run: {@code java -jar least-benchmarks/target/least-benchmarks.jar <regex>}. */
@NullMarked
package dev.least.bench;

import org.jspecify.annotations.NullMarked;

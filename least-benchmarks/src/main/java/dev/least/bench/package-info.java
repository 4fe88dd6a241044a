/** JMH benchmarks. */
@NullMarked
package dev.least.bench;

import org.jspecify.annotations.NullMarked;

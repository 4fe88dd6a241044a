package dev.least.bench;

import java.util.Arrays;

/** Measured wall times of repeated runs (nanoseconds); the figure reported is the median. */
record Sample(long[] nanos) {
  Sample {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("a sample needs at least one run");
    }
    nanos = nanos.clone();
  }

  /** The median; for an even count, the mean of the two middle runs. */
  double medianSeconds() {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int n = s.length;
    double mid = n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] / 2.0 + s[n / 2] / 2.0;
    return mid / 1e9;
  }

  int runs() {
    return nanos.length;
  }
}

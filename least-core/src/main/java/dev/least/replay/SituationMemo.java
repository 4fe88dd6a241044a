package dev.least.replay;

import java.util.concurrent.atomic.LongAdder;

/**
 * Whether a replay over a {@link dev.least.model.SignInLog} evaluates each distinct sign-in
 * situation once (see {@link Replay#run(dev.least.policy.SignInEvaluator, SignInFactsResolver,
 * dev.least.model.SignInLog, java.util.function.IntPredicate, int, int, SituationMemo)}), and what
 * it did: how many events went through the memo and how many situations were evaluated (the misses;
 * per thread, so a situation met on two threads counts twice). The figures of the replay are the
 * same with the memo on or off.
 */
public final class SituationMemo {
  private final boolean enabled;
  private final LongAdder events = new LongAdder();
  private final LongAdder evaluated = new LongAdder();

  private SituationMemo(boolean enabled) {
    this.enabled = enabled;
  }

  /** Evaluate each distinct situation once (when the evaluator allows it). */
  public static SituationMemo enabled() {
    return new SituationMemo(true);
  }

  /** Evaluate every event (for comparison). */
  public static SituationMemo disabled() {
    return new SituationMemo(false);
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Events replayed through the memo. */
  public long events() {
    return events.sum();
  }

  /** Situations evaluated: the events the memo could not answer. */
  public long evaluated() {
    return evaluated.sum();
  }

  /** The share of memo events answered without evaluating (0 when none went through it). */
  public double hitRate() {
    long n = events();
    return n == 0 ? 0 : 1 - (double) evaluated() / n;
  }

  void count(long events, long evaluated) {
    this.events.add(events);
    this.evaluated.add(evaluated);
  }
}

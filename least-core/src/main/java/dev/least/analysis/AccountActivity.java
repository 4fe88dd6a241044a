package dev.least.analysis;

import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-account sign-in activity from the log: counts, last success, sample event ids. */
public final class AccountActivity {
  /** What the log says about one account. */
  public static final class Stats {
    long attempts;
    long successes;
    long lastSuccessMillis = Long.MIN_VALUE;
    final List<Integer> samples = new ArrayList<>();

    public long attempts() {
      return attempts;
    }

    public long successes() {
      return successes;
    }

    /** Epoch millis of the last successful sign-in, or {@link Long#MIN_VALUE}. */
    public long lastSuccessMillis() {
      return lastSuccessMillis;
    }

    /** Indexes into the log of up to 10 events, earliest first. */
    public List<Integer> samples() {
      return List.copyOf(samples);
    }
  }

  private final Map<String, Stats> byAccount = new HashMap<>();
  private static final Stats NONE = new Stats();

  private AccountActivity() {}

  public static AccountActivity of(SignInLog log) {
    AccountActivity a = new AccountActivity();
    for (int i = 0; i < log.size(); i++) {
      String acct = log.accountId(i);
      if (acct == null) {
        continue;
      }
      Stats s = a.byAccount.computeIfAbsent(acct, k -> new Stats());
      s.attempts++;
      if (log.outcome(i) == SignInOutcome.SUCCESS) {
        s.successes++;
        s.lastSuccessMillis = Math.max(s.lastSuccessMillis, log.epochMillis(i));
      }
      if (s.samples.size() < 10) {
        s.samples.add(i);
      }
    }
    return a;
  }

  public Stats of(String accountId) {
    return byAccount.getOrDefault(accountId, NONE);
  }
}

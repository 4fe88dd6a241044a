package dev.least.analysis;

import dev.least.model.DenseKeys;
import java.util.Arrays;

/**
 * The class of each interned code of a log column (an address, an account, a device, an MFA
 * method), worked out once, the first time the code is met, and then looked up by its dense id:
 *
 * <pre>{@code
 * int c = classes.get(code);
 * if (c == ClassOfCode.NEW) {
 *   c = classes.remember(classify(code));
 * }
 * }</pre>
 */
final class ClassOfCode {
  /** What {@link #get} answers for a code not met before. */
  static final int NEW = Integer.MIN_VALUE;

  private final DenseKeys seen = new DenseKeys(); // codes met so far, numbered densely
  private int[] classes = new int[64]; // by the DenseKeys id
  private int known;

  /** The class remembered for {@code code}, or {@link #NEW}: then {@link #remember} it. */
  int get(int code) {
    int k = seen.id(code);
    return k < known ? classes[k] : NEW;
  }

  /** Records {@code c} as the class of the code {@link #get} just answered {@link #NEW} for. */
  int remember(int c) {
    if (known == seen.size()) {
      throw new IllegalStateException("no new code to remember a class for");
    }
    if (known == classes.length) {
      classes = Arrays.copyOf(classes, known * 2);
    }
    classes[known++] = c;
    return c;
  }
}

package dev.least.app.store;

import java.util.List;

/**
 * One page of a list. {@code page} counts from 0 (always 0 for a page reached by cursor). {@code
 * total} counts the matching rows up to a cap: when {@code totalExact} is false, at least {@code
 * total} rows match and counting stopped there. {@code hasMore} says whether rows follow the last
 * item of this page.
 */
public record Page<T>(
    List<T> items, int page, int size, long total, boolean totalExact, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException(
          "page must be >= 0 and size >= 1 but were " + page + ", " + size);
    }
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0 but was " + total);
    }
  }

  /** A page of a list counted exactly ({@code total} rows match). */
  public static <T> Page<T> counted(List<T> items, int page, int size, long total) {
    return new Page<>(items, page, size, total, true, (long) page * size + items.size() < total);
  }
}

package dev.least.app.store;

import java.util.List;

/** One page of a list: {@code page} counts from 0; {@code total} is the count over all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException(
          "page must be >= 0 and size >= 1 but were " + page + ", " + size);
    }
  }
}

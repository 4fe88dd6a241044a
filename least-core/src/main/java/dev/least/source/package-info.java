/**
 * What readers of tenant data report back: quarantined records, per-file statistics, and the
 * identity join that turns HR workers and accounts into people.
 */
@NullMarked
package dev.least.source;

import org.jspecify.annotations.NullMarked;

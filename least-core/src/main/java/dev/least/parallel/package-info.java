/** Running work on several threads with results and failures as on one. */
@NullMarked
package dev.least.parallel;

import org.jspecify.annotations.NullMarked;

/** Least's own output documents: the recommendations JSON (contract: recommendations.md). */
@NullMarked
package dev.least.connector.report;

import org.jspecify.annotations.NullMarked;

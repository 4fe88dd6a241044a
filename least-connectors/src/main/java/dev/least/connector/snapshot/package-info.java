/** The tenant snapshot folder (contract: shared/contracts/snapshot-format.md). */
@NullMarked
package dev.least.connector.snapshot;

import org.jspecify.annotations.NullMarked;

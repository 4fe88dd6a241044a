/** Reading JSON and JSON Lines files robustly: compression, byte-order marks, per-line records. */
@NullMarked
package dev.least.connector.json;

import org.jspecify.annotations.NullMarked;

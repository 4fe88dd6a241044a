/**
 * Access review narratives: for every user-access pair a keep / revoke / review suggestion with a
 * confidence and a justification written from evidence by deterministic templates.
 */
@NullMarked
package dev.least.review;

import org.jspecify.annotations.NullMarked;

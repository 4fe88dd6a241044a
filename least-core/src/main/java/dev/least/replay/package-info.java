/**
 * Replay and what-if: logged sign-ins through current and candidate policies, decisions compared.
 */
@NullMarked
package dev.least.replay;

import org.jspecify.annotations.NullMarked;

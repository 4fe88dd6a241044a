/** Reading the {@code hr/} part of a snapshot folder into the core model. */
@NullMarked
package dev.least.connector.hr;

import org.jspecify.annotations.NullMarked;

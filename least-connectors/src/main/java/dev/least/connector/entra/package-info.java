/** Reading the {@code entra/} part of a snapshot folder into the core model. */
@NullMarked
package dev.least.connector.entra;

import org.jspecify.annotations.NullMarked;

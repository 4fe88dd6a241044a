/** Reading the {@code okta/} part of a snapshot folder into the core model. */
@NullMarked
package dev.least.connector.okta;

import org.jspecify.annotations.NullMarked;

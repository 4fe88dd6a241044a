/** REST under {@code /api/v1}: thin controllers, request/response records, problem+json errors. */
@NullMarked
package dev.least.app.api;

import org.jspecify.annotations.NullMarked;

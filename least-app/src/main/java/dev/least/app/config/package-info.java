/** The Spring Boot application of {@code least serve}: wiring, security, database settings. */
@NullMarked
package dev.least.app.config;

import org.jspecify.annotations.NullMarked;

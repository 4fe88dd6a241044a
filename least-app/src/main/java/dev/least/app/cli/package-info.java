/** The {@code least} command line: thin picocli adapters over the core use cases. */
@NullMarked
package dev.least.app.cli;

import org.jspecify.annotations.NullMarked;

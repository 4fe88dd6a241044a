package dev.least.connector.snapshot;

/**
 * A snapshot that cannot be read at all: missing folder, unreadable manifest, a file that is not
 * JSON. The message names the file (and line when known). Commands map it to exit code 3.
 */
public final class SnapshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;

  public SnapshotException(String file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  public SnapshotException(String file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /** A file that is not valid JSON, with the line and column the parser stopped at. */
  public static SnapshotException notJson(String file, tools.jackson.core.JacksonException e) {
    return new SnapshotException(
        file,
        "not valid JSON at line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ": "
            + e.getOriginalMessage(),
        e);
  }

  /** The offending file, relative to the snapshot root when inside it. */
  public String file() {
    return file;
  }
}

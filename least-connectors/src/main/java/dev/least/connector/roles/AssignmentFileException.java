package dev.least.connector.roles;

import java.nio.file.Path;

/** A line of an assignment file that is not a (user, entitlement) pair; names file and line. */
public final class AssignmentFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AssignmentFileException(Path file, long line, String reason) {
    super(file + ":" + line + ": " + reason);
  }

  public AssignmentFileException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
  }
}

package dev.least.connector.json;

/**
 * Thrown by a record mapper when one record violates the vendor shape; the caller quarantines the
 * record with this message as the reason and goes on. The message names the field, e.g. {@code "id:
 * missing"} or {@code "createdDateTime: unparsable time 'yesterday'"}.
 */
public final class BadRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRecordException(String reason) {
    super(reason, null, false, false);
  }
}

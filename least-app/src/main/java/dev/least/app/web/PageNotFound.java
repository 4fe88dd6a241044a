package dev.least.app.web;

/** A dashboard page about something that does not exist (rendered as a 404 page). */
final class PageNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PageNotFound(String message) {
    super(message);
  }
}

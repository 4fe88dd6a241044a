package dev.least.app.api;

import dev.least.app.config.ProblemWriter;
import dev.least.app.workflow.Administration;
import dev.least.app.workflow.ImportRoots;
import dev.least.app.workflow.SnapshotArchive;
import dev.least.app.workflow.TransitionRefused;
import dev.least.connector.snapshot.SnapshotException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as problem+json with a stable {@code code}; never a stack trace. Refused transitions map
 * by reason: not found 404, role/self-approval/guardrail 403, illegal or stale 409, a missing
 * reason 400.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(TransitionRefused.class)
  ProblemDetail refused(TransitionRefused e) {
    int status =
        switch (e.reason()) {
          case NOT_FOUND -> 404;
          case ROLE, SELF_APPROVAL, GUARDRAIL -> 403;
          case ILLEGAL_TRANSITION, STALE_VERSION, DUPLICATE_APPROVAL, DUPLICATE, SNAPSHOT_CHANGED ->
              409;
          case COMMENT_REQUIRED -> 400;
        };
    return ProblemWriter.problem(
        status, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
  }

  @ExceptionHandler(Administration.Refused.class)
  ProblemDetail administration(Administration.Refused e) {
    int status =
        switch (e.reason()) {
          case NOT_FOUND -> 404;
          case LAST_ADMIN, OWN_ACCOUNT, NAME_TAKEN, MANAGED_BY_PROVIDER, DISABLED -> 409;
        };
    return ProblemWriter.problem(status, e.code(), e.getMessage());
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(NotFound e) {
    return ProblemWriter.problem(404, "not-found", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badInput(IllegalArgumentException e) {
    return ProblemWriter.problem(400, "bad-input", e.getMessage());
  }

  @ExceptionHandler(SnapshotException.class)
  ProblemDetail badSnapshot(SnapshotException e) {
    return ProblemWriter.problem(422, "bad-snapshot", e.getMessage());
  }

  @ExceptionHandler(ImportRoots.Refused.class)
  ProblemDetail importPath(ImportRoots.Refused e) {
    return ProblemWriter.problem(403, "import-path-refused", e.getMessage());
  }

  /** A refused snapshot zip: 422 with the offending entry and a stable reason. */
  @ExceptionHandler(SnapshotArchive.Refused.class)
  ProblemDetail badArchive(SnapshotArchive.Refused e) {
    ProblemDetail p = ProblemWriter.problem(422, "bad-archive", e.getMessage());
    p.setProperty("reason", e.problem().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (!e.entry().isEmpty()) {
      p.setProperty("entry", e.entry());
    }
    return p;
  }

  @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
  ProblemDetail conflict(org.springframework.dao.DataIntegrityViolationException e) {
    return ProblemWriter.problem(409, "conflict", "the request conflicts with stored data");
  }

  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    LOG.error("unexpected error", e);
    return ProblemWriter.problem(500, "internal", "unexpected error; see the server log");
  }

  /** A missing resource other than a recommendation in a transition. */
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }
}

package dev.least.app.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code least.api.max-request-bytes} (default 1 MiB) with 413,
 * before anything reads them; a chunked body without a length is refused too (411). Snapshot zip
 * uploads ({@code multipart/form-data} to {@link #UPLOAD_PATHS}) may be up to {@code
 * least.upload.max-bytes} (default 256 MiB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {
  /** Where snapshot zips are uploaded: the API and the dashboard's import page. */
  public static final java.util.Set<String> UPLOAD_PATHS =
      java.util.Set.of("/api/v1/snapshots", "/snapshots/upload");

  private final long maxBytes;
  private final long maxUploadBytes;
  private final ProblemWriter problems;

  public RequestSizeLimit(
      @Value("${least.api.max-request-bytes:1048576}") long maxBytes,
      @Value("${least.upload.max-bytes:268435456}") long maxUploadBytes,
      ProblemWriter problems) {
    this.maxBytes = maxBytes;
    this.maxUploadBytes = maxUploadBytes;
    this.problems = problems;
  }

  private long limitFor(HttpServletRequest request) {
    String type = request.getContentType();
    boolean upload =
        "POST".equals(request.getMethod())
            && type != null
            && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
            && UPLOAD_PATHS.contains(request.getRequestURI());
    return upload ? maxUploadBytes : maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    String te = request.getHeader("Transfer-Encoding");
    long limit = limitFor(request);
    if (length > limit) {
      problems.write(response, 413, "request-too-large", "request body over " + limit + " bytes");
      return;
    }
    if (length < 0 && te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
      problems.write(response, 411, "length-required", "send a Content-Length");
      return;
    }
    chain.doFilter(request, response);
  }
}

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
 * before anything reads them; a chunked body without a length is refused too (411).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {
  private final long maxBytes;
  private final ProblemWriter problems;

  public RequestSizeLimit(
      @Value("${least.api.max-request-bytes:1048576}") long maxBytes, ProblemWriter problems) {
    this.maxBytes = maxBytes;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    String te = request.getHeader("Transfer-Encoding");
    if (length > maxBytes) {
      problems.write(
          response, 413, "request-too-large", "request body over " + maxBytes + " bytes");
      return;
    }
    if (length < 0 && te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
      problems.write(response, 411, "length-required", "send a Content-Length");
      return;
    }
    chain.doFilter(request, response);
  }
}

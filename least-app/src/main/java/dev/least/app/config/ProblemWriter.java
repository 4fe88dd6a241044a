package dev.least.app.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json bodies outside Spring MVC (security filters). */
@Component
public class ProblemWriter {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The problem type URI for a stable code. */
  public static URI type(String code) {
    return URI.create("https://least.dev/problems/" + code);
  }

  public static ProblemDetail problem(int status, String code, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    p.setType(type(code));
    p.setProperty("code", code);
    return p;
  }

  public void write(HttpServletResponse res, int status, String code, String detail)
      throws IOException {
    ProblemDetail p = problem(status, code, detail);
    res.setStatus(status);
    res.setCharacterEncoding("UTF-8");
    res.setContentType("application/problem+json");
    var body = JSON.createObjectNode();
    body.put("type", p.getType().toString());
    body.put("title", p.getTitle());
    body.put("status", status);
    body.put("detail", detail);
    body.put("code", code);
    res.getWriter().write(JSON.writeValueAsString(body));
  }
}

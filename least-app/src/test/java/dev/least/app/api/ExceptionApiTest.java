package dev.least.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.least.app.MovableClock;
import dev.least.app.audit.AuditLog;
import dev.least.app.audit.AuditRow;
import dev.least.app.audit.Verification;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /api/v1/exceptions over MockMvc on H2, with a clock the test moves (the server's expiry pass
 * reads the injected {@code Clock}). Users: ana (analyst) imports the demo tenant and requests; bob
 * (approver), vic (viewer), root (admin).
 */
@SpringBootTest(
    classes = {dev.least.app.config.LeastServerApplication.class, ExceptionApiTest.TestClock.class},
    properties = {
      "spring.datasource.url=jdbc:h2:mem:least-exceptions-api;DB_CLOSE_DELAY=-1",
      "least.bootstrap-admin=false",
      "least.exceptions.expiry-interval=PT1H"
    })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExceptionApiTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path IMPORTS;

  static {
    try {
      IMPORTS = Files.createTempDirectory("least-exception-imports");
      ServerApiTest.copyDemo(IMPORTS.resolve("demo"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's clock, replaced by one the test moves. */
  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(Instant.parse("2026-11-21T09:00:00Z"));
    }
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    r.add("least.import-roots", IMPORTS::toString);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder passwords;
  @Autowired AuditLog audit;
  @Autowired MovableClock clock;

  String ana;
  String bob;
  String vic;
  String root;

  @BeforeAll
  void setUp() throws Exception {
    ana = user("ana", Role.ANALYST);
    bob = user("bob", Role.APPROVER);
    vic = user("vic", Role.VIEWER);
    root = user("root", Role.ADMIN);
    call(
        post("/api/v1/snapshots")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"path\":\"demo\"}"),
        ana,
        201);
  }

  private String user(String name, Role role) {
    users.create(name, passwords.encode("correct horse battery " + name), role);
    return users.createToken(name, "test");
  }

  static String request(String policy, String subject, int days) {
    return "{\"platform\":\"entra\",\"policy\":\""
        + policy
        + "\",\"subject\":\""
        + subject
        + "\",\"reason\":\"vendor visit\",\"durationDays\":"
        + days
        + "}";
  }

  @Test
  void exceptionEndpointsWhenAnonymousOrBadCredentialsThen401() throws Exception {
    String bad =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("ana:wrong".getBytes(StandardCharsets.UTF_8));
    for (MockHttpServletRequestBuilder req :
        List.of(
            get("/api/v1/exceptions"),
            get("/api/v1/exceptions/1"),
            get("/api/v1/exceptions/1/patch"),
            post("/api/v1/exceptions/1/transitions")
                .header("Authorization", "Bearer lst_unknown")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"approve\",\"version\":0}"))) {
      MvcResult r = mvc.perform(req).andReturn();
      assertThat(r.getResponse().getStatus()).isEqualTo(401);
      assertThat(json(r).get("code").asString()).isEqualTo("unauthenticated");
    }
    // wrong Basic credentials: Spring's Basic entry point answers 401 with WWW-Authenticate
    for (MockHttpServletRequestBuilder req :
        List.of(
            post("/api/v1/exceptions")
                .header("Authorization", bad)
                .contentType(MediaType.APPLICATION_JSON)
                .content(request("CA004", "alan.turing@contoso.com", 1)),
            post("/api/v1/exceptions/expire").header("Authorization", bad))) {
      MvcResult r = mvc.perform(req).andReturn();
      assertThat(r.getResponse().getStatus()).isEqualTo(401);
      assertThat(r.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
    }
  }

  @Test
  void expireWhenNotAdminThen403() throws Exception {
    for (String token : List.of(vic, ana, bob)) {
      MvcResult r = call(post("/api/v1/exceptions/expire"), token, 403);
      assertThat(json(r).get("code").asString()).isEqualTo("forbidden");
    }
  }

  @Test
  void requestWhenLowRiskThenActiveListedWithPatchAndExpiryRevertAuditedInIntactChain()
      throws Exception {
    JsonNode e =
        json(
            call(
                post("/api/v1/exceptions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        request(
                            "CA004 Compliant device for ERP (report-only)",
                            "alan.turing@contoso.com",
                            5)),
                vic,
                201));
    assertThat(e.get("state").asString()).isEqualTo("active");
    assertThat(e.get("requester").asString()).isEqualTo("vic");
    assertThat(e.get("risk").get("features")).hasSize(7);
    assertThat(e.get("risk").get("routing").get("route").asString()).isEqualTo("auto_approve");
    long id = e.get("id").asLong();
    JsonNode listed =
        json(
            call(get("/api/v1/exceptions?state=active&subject=alan.turing@contoso.com"), vic, 200));
    assertThat(listed.get("items")).extracting(i -> i.get("id").asLong()).contains(id);
    JsonNode patch = json(call(get("/api/v1/exceptions/" + id + "/patch"), vic, 200));
    assertThat(patch.get("grant").get("sent").asBoolean()).isFalse();
    assertThat(patch.get("revert").get("operations").get(0).get("method").asString())
        .isEqualTo("PATCH");

    clock.advance(Duration.ofDays(5));
    JsonNode expired = json(call(post("/api/v1/exceptions/expire"), root, 200));
    assertThat(expired.get("expired")).extracting(JsonNode::asLong).contains(id);
    assertThat(json(call(get("/api/v1/exceptions/" + id), vic, 200)).get("state").asString())
        .isEqualTo("expired");
    List<AuditRow> rows = audit.rows(1, 10_000);
    assertThat(rows)
        .filteredOn(
            r ->
                r.entry().entityType().equals("policy_exception")
                    && r.entry().entityId().equals(Long.toString(id))
                    && "expired".equals(r.entry().toState()))
        .singleElement()
        .satisfies(r -> assertThat(r.entry().actor()).isEqualTo("system"));
    assertThat(audit.verify()).isInstanceOf(Verification.Intact.class);
    assertThat(json(call(get("/api/v1/audit/verify"), root, 200)).get("intact").asBoolean())
        .isTrue();
  }

  @Test
  void approveWhenRequesterDecidesThen403SelfApprovalAndSecurityApproverMay() throws Exception {
    JsonNode e =
        json(
            call(
                post("/api/v1/exceptions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        request(
                            "CA002 Block legacy authentication", "grace.hopper@contoso.com", 90)),
                ana,
                201));
    assertThat(e.get("state").asString()).isEqualTo("pending_security");
    MvcResult self = decide(e, "approve", ana, 403);
    assertThat(json(self).get("code").asString()).isEqualTo("self-approval");
    MvcResult viewer = decide(e, "approve", vic, 403);
    assertThat(json(viewer).get("code").asString()).isEqualTo("role");
    JsonNode active = json(decide(e, "approve", bob, 200));
    assertThat(active.get("state").asString()).isEqualTo("active");
    assertThat(active.get("decidedBy").asString()).isEqualTo("bob");
    MvcResult stale = decide(e, "revoke", bob, 409);
    assertThat(json(stale).get("code").asString()).isEqualTo("stale-version");
  }

  @Test
  void requestWhenPolicyProtectedThen403Guardrail() throws Exception {
    call(
        put("/api/v1/tenants/contoso-demo/guardrails")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"users\":[],\"groups\":[],\"policies\":[\"CA003 MFA outside trusted locations\"]}"),
        root,
        200);
    try {
      MvcResult r =
          call(
              post("/api/v1/exceptions")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      request(
                          "CA003 MFA outside trusted locations", "ada.lovelace@contoso.com", 1)),
              root,
              403);
      assertThat(json(r).get("code").asString()).isEqualTo("guardrail");
      assertThat(json(r).get("detail").asString()).contains("never be excepted");
    } finally {
      call(
          put("/api/v1/tenants/contoso-demo/guardrails")
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"users\":[],\"groups\":[],\"policies\":[]}"),
          root,
          200);
    }
  }

  @Test
  void requestAndListWhenBadInputThen400ProblemWithoutStackTrace() throws Exception {
    for (String body :
        List.of(
            request("CA004 Compliant device for ERP (report-only)", "katherine.j@contoso.com", 0),
            request("no such policy", "katherine.j@contoso.com", 3),
            "{\"platform\":\"aws\",\"policy\":\"p\",\"subject\":\"s\",\"reason\":\"r\",\"durationDays\":1}",
            "{\"platform\":\"entra\",\"policy\":\"p\",\"subject\":\"s\",\"durationDays\":1}",
            "not json")) {
      MvcResult r =
          call(
              post("/api/v1/exceptions").contentType(MediaType.APPLICATION_JSON).content(body),
              ana,
              400);
      assertThat(r.getResponse().getContentAsString()).as(body).doesNotContain("at dev.least");
    }
    for (String q : List.of("size=0", "page=-1", "state=bogus", "platform=aws")) {
      MvcResult r = call(get("/api/v1/exceptions?" + q), vic, 400);
      assertThat(json(r).get("code").asString()).as(q).isEqualTo("bad-input");
    }
    call(get("/api/v1/exceptions/999999"), vic, 404);
  }

  @Test
  void openApiWhenSignedInThenDocumentsTheExceptionEndpoints() throws Exception {
    String doc = call(get("/api/v1/openapi"), vic, 200).getResponse().getContentAsString();
    assertThat(doc)
        .contains("/api/v1/exceptions/{id}/transitions")
        .contains("/api/v1/exceptions/expire")
        .contains("Policy exceptions");
  }

  private MvcResult decide(JsonNode e, String action, String token, int status) throws Exception {
    return call(
        post("/api/v1/exceptions/" + e.get("id") + "/transitions")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"action\":\""
                    + action
                    + "\",\"version\":"
                    + e.get("version")
                    + ",\"comment\":\"reviewed\"}"),
        token,
        status);
  }

  private MvcResult call(MockHttpServletRequestBuilder req, String token, int status)
      throws Exception {
    MvcResult r = mvc.perform(req.header("Authorization", "Bearer " + token)).andReturn();
    assertThat(r.getResponse().getStatus())
        .as(r.getResponse().getContentAsString())
        .isEqualTo(status);
    return r;
  }

  private static JsonNode json(MvcResult r) throws Exception {
    return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}

package dev.least.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.least.app.audit.AuditLog;
import dev.least.app.audit.Verification;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.RecommendationState;
import dev.least.app.workflow.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
 * The server end to end over MockMvc on H2: one Spring context for the whole class. Users: ana
 * (analyst), bob and carol and dave (approvers), vic (viewer), root (admin); bob imports the demo
 * tenant, so bob is the requester of every recommendation.
 */
@SpringBootTest(
    classes = dev.least.app.config.LeastServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:least-api;DB_CLOSE_DELAY=-1",
      "least.bootstrap-admin=false"
    })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int SEEDED = 8;
  static final Path IMPORTS;

  static {
    try {
      IMPORTS = Files.createTempDirectory("least-api-imports");
      copyDemo(IMPORTS.resolve("demo"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
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
  @Autowired TenantRepository tenants;
  @Autowired RecommendationRepository recommendations;

  String ana;
  String bob;
  String carol;
  String dave;
  String vic;
  String root;
  JsonNode imported;

  @BeforeAll
  void setUp() throws Exception {
    ana = user("ana", Role.ANALYST);
    bob = user("bob", Role.APPROVER);
    carol = user("carol", Role.APPROVER);
    dave = user("dave", Role.APPROVER);
    vic = user("vic", Role.VIEWER);
    root = user("root", Role.ADMIN);
    imported =
        json(
            call(
                post("/api/v1/snapshots")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"path\":\"demo\"}"),
                bob,
                201));
    seedRecommendations();
  }

  /**
   * Eight recommendations of the shape the engine writes are added to the import's run, requested
   * by bob, so the workflow tests do not depend on what the demo tenant yields; the fourth is high
   * risk.
   */
  private void seedRecommendations() {
    long tenantId = tenants.find("contoso-demo").orElseThrow().id();
    long runId = imported.get("runId").asLong();
    java.time.Instant now = java.time.Instant.now();
    List<StoredRecommendation> recs = new java.util.ArrayList<>();
    for (int i = 0; i < SEEDED; i++) {
      String risk = i == 3 ? "high" : i % 2 == 0 ? "low" : "medium";
      String key = String.format("rec-%08x", i);
      String body =
          "{\"id\":\""
              + key
              + "\",\"type\":\"stale_account\",\"platform\":\"entra\",\"target\":{\"kind\":\"user\","
              + "\"id\":\"u-"
              + i
              + "\",\"name\":\"user"
              + i
              + "@contoso.example\"},\"subjects\":[],\"suggestedChange\":\"Disable the account\","
              + "\"patch\":{\"method\":\"PATCH\",\"path\":\"/users/u-"
              + i
              + "\",\"body\":{\"accountEnabled\":false}},\"confidence\":0.8,\"risk\":\""
              + risk
              + "\",\"impact\":{},\"rationale\":\"no sign-in for 200 days\",\"evidence\":[],"
              + "\"mode\":\"advisory\"}";
      recs.add(
          new StoredRecommendation(
              0,
              runId,
              tenantId,
              key,
              i == 7 ? "orphan_account" : "stale_account",
              "entra",
              risk,
              0.8,
              "advisory",
              "user",
              "u-" + i,
              "user" + i + "@contoso.example",
              RecommendationState.PROPOSED,
              0,
              "bob",
              now,
              now,
              body,
              null));
    }
    recommendations.insertAll(recs);
  }

  private String user(String name, Role role) {
    users.create(name, passwords.encode("correct horse battery " + name), role);
    return users.createToken(name, "test");
  }

  @Test
  void importWhenDemoFolderThenStoresChecksumRunAndProposals() throws Exception {
    assertThat(imported.get("tenant").asString()).isEqualTo("contoso-demo");
    assertThat(imported.get("checksum").asString()).matches("[0-9a-f]{64}");
    assertThat(imported.get("modelVersion").asString()).isEqualTo("rules-2026.11");
    long engine = imported.get("recommendations").asLong();
    JsonNode all = json(call(get("/api/v1/recommendations?size=500&sort=id"), vic, 200));
    assertThat(all.get("total").asLong()).isEqualTo(engine + SEEDED);
    if (engine > 0) {
      JsonNode first = detail(all.get("items").get(0));
      assertThat(first.get("state").asString()).isEqualTo("proposed");
      assertThat(first.get("requestedBy").asString()).isEqualTo("bob");
      assertThat(first.get("recommendation").get("evidence").size()).isPositive();
      assertThat(first.get("recommendation").get("id").asString())
          .isEqualTo(first.get("key").asString());
    }
  }

  @Test
  void anyEndpointWhenAnonymousThen401ProblemJson() throws Exception {
    for (String path :
        List.of("/api/v1/recommendations", "/api/v1/openapi", "/actuator/health", "/anything")) {
      MvcResult r = mvc.perform(get(path)).andReturn();
      assertThat(r.getResponse().getStatus()).as(path).isEqualTo(401);
    }
    MvcResult r = mvc.perform(get("/api/v1/recommendations")).andReturn();
    assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(json(r).get("code").asString()).isEqualTo("unauthenticated");
  }

  @Test
  void requestWhenTokenUnknownThen401() throws Exception {
    call(get("/api/v1/recommendations"), "lst_not-a-token", 401);
  }

  @Test
  void importWhenViewerThen403() throws Exception {
    MvcResult r =
        call(
            post("/api/v1/snapshots")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"path\":\"demo\"}"),
            vic,
            403);
    assertThat(json(r).get("code").asString()).isEqualTo("forbidden");
  }

  @Test
  void importWhenPathOutsideImportRootsThen403() throws Exception {
    MvcResult r =
        call(
            post("/api/v1/snapshots")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"path\":\"/etc\"}"),
            ana,
            403);
    assertThat(json(r).get("code").asString()).isEqualTo("import-path-refused");
  }

  @Test
  void guardrailsWhenAnalystPutsThen403() throws Exception {
    call(
        put("/api/v1/tenants/contoso-demo/guardrails")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"users\":[],\"groups\":[],\"policies\":[]}"),
        ana,
        403);
  }

  @Test
  void listWhenFilteredAndPagedThenOnlyMatchingRowsInPages() throws Exception {
    JsonNode all = json(call(get("/api/v1/recommendations?size=500"), vic, 200));
    long total = all.get("total").asLong();
    assertThat(total).isEqualTo(imported.get("recommendations").asLong() + SEEDED);
    String type = all.get("items").get(0).get("type").asString();
    JsonNode filtered =
        json(call(get("/api/v1/recommendations?type=" + type + "&size=500"), vic, 200));
    assertThat(filtered.get("items"))
        .allSatisfy(i -> assertThat(i.get("type").asString()).isEqualTo(type));
    JsonNode page1 = json(call(get("/api/v1/recommendations?size=1&page=1"), vic, 200));
    assertThat(page1.get("items")).hasSize(1);
    assertThat(page1.get("items").get(0).get("id").asLong())
        .isEqualTo(all.get("items").get(1).get("id").asLong());
    JsonNode none = json(call(get("/api/v1/recommendations?platform=nowhere"), vic, 200));
    assertThat(none.get("total").asLong()).isZero();
  }

  @Test
  void listWhenBearerTokenThenNoSessionCreatedAndNoCookieSet() throws Exception { // gh-7
    MvcResult r = call(get("/api/v1/recommendations?size=5"), vic, 200);
    assertThat(r.getRequest().getSession(false)).isNull();
    assertThat(r.getResponse().getHeaders("Set-Cookie")).isEmpty();
  }

  @Test
  void listWhenWalkedWithAfterThenSameItemsAsOneBigPageAndTotalsExact() throws Exception {
    JsonNode all = json(call(get("/api/v1/recommendations?sort=id&size=500"), vic, 200));
    assertThat(all.get("totalExact").asBoolean()).isTrue();
    assertThat(all.get("nextAfter").isNull()).isTrue();
    List<Long> expected = new java.util.ArrayList<>();
    all.get("items").forEach(i -> expected.add(i.get("id").asLong()));
    List<Long> walked = new java.util.ArrayList<>();
    String query = "/api/v1/recommendations?sort=id&size=3";
    while (true) {
      JsonNode page = json(call(get(query), vic, 200));
      page.get("items").forEach(i -> walked.add(i.get("id").asLong()));
      assertThat(page.get("total").asLong()).isEqualTo(expected.size());
      assertThat(page.get("totalExact").asBoolean()).isTrue();
      JsonNode next = page.get("nextAfter");
      if (next.isNull()) {
        break;
      }
      assertThat(next.asLong()).isEqualTo(walked.get(walked.size() - 1));
      query = "/api/v1/recommendations?sort=id&size=3&after=" + next.asLong();
    }
    assertThat(walked).isEqualTo(expected);
    JsonNode lastPageByOffset =
        json(
            call(
                get("/api/v1/recommendations?sort=id&size=3&page=" + (expected.size() - 1) / 3),
                vic,
                200));
    assertThat(lastPageByOffset.get("nextAfter").isNull()).isTrue();
    JsonNode deepest = json(call(get("/api/v1/recommendations?size=50&page=199"), vic, 200));
    assertThat(deepest.get("items")).isEmpty();
  }

  @Test
  void listWhenRankedAndPagedByOffsetThenSameItemsAsOneBigPageHighestScoreFirst() throws Exception {
    JsonNode all = json(call(get("/api/v1/recommendations?size=500"), vic, 200));
    List<Long> expected = new java.util.ArrayList<>();
    List<Double> scores = new java.util.ArrayList<>();
    all.get("items")
        .forEach(
            i -> {
              expected.add(i.get("id").asLong());
              scores.add(i.get("rankScore").asDouble());
            });
    assertThat(expected).hasSizeGreaterThan(3);
    for (int i = 1; i < scores.size(); i++) {
      assertThat(scores.get(i)).isLessThanOrEqualTo(scores.get(i - 1));
    }
    List<Long> walked = new java.util.ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode p =
          json(call(get("/api/v1/recommendations?sort=rank&size=3&page=" + page), vic, 200));
      p.get("items").forEach(i -> walked.add(i.get("id").asLong()));
      assertThat(p.get("total").asLong()).isEqualTo(expected.size());
      assertThat(p.get("nextAfter").isNull()).isTrue();
      if (!p.get("hasMore").asBoolean()) {
        break;
      }
    }
    assertThat(walked).isEqualTo(expected);
  }

  @Test
  void listWhenAfterWithRankOrderThen400NamingAfter() throws Exception {
    for (String q : List.of("after=3", "after=3&sort=rank")) {
      MvcResult r = call(get("/api/v1/recommendations?" + q), vic, 400);
      assertThat(json(r).get("code").asString()).as(q).isEqualTo("bad-input");
      assertThat(json(r).get("detail").asString()).as(q).contains("after").contains("sort=id");
    }
  }

  @Test
  void listWhenBadParametersThen400ProblemWithoutStackTrace() throws Exception {
    for (String q :
        List.of(
            "size=0",
            "size=501",
            "page=-1",
            "state=bogus",
            "risk=extreme",
            "sort=score",
            "sort=id&after=-1",
            "sort=id&after=3&page=1",
            "page=200&size=50",
            "sort=id&page=200&size=50")) {
      MvcResult r = call(get("/api/v1/recommendations?" + q), vic, 400);
      String body = r.getResponse().getContentAsString();
      assertThat(body).as(q).doesNotContain("at dev.least").doesNotContain("Exception");
      assertThat(json(r).get("status").asInt()).isEqualTo(400);
    }
  }

  @Test
  void requestWhenBodyOverLimitThen413() throws Exception {
    String big = "{\"body\":\"" + "x".repeat(1_100_000) + "\"}";
    call(
        post("/api/v1/recommendations/1/comments")
            .contentType(MediaType.APPLICATION_JSON)
            .content(big),
        ana,
        413);
  }

  @Test
  void openApiWhenSignedInThenDocumentsTheTransitionEndpoint() throws Exception {
    String doc = call(get("/api/v1/openapi"), vic, 200).getResponse().getContentAsString();
    assertThat(doc).contains("/api/v1/recommendations/{id}/transitions").contains("openapi");
  }

  @Test
  void approveWhenApproverIsRequesterThen403SelfApproval() throws Exception {
    JsonNode rec = proposed(0);
    MvcResult r = transition(rec, "approve", bob, 403);
    assertThat(json(r).get("code").asString()).isEqualTo("self-approval");
    assertThat(detail(rec).get("state").asString()).isEqualTo("proposed");
  }

  @Test
  void approveWhenViewerOrAnalystThen403Role() throws Exception {
    JsonNode rec = proposed(1);
    assertThat(json(transition(rec, "approve", vic, 403)).get("code").asString()).isEqualTo("role");
    assertThat(json(transition(rec, "approve", ana, 403)).get("code").asString()).isEqualTo("role");
  }

  @Test
  void approveWhenTargetProtectedAfterAnalysisThen403GuardrailEvenForAdmin() throws Exception {
    JsonNode rec = proposed(2);
    JsonNode target = detail(rec).get("recommendation").get("target");
    String kind = target.get("kind").asString();
    String id = target.get("id").asString();
    String field = kind.equals("user") ? "users" : kind.equals("group") ? "groups" : "policies";
    call(
        put("/api/v1/tenants/contoso-demo/guardrails")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"users\":[],\"groups\":[],\"policies\":[],\"" + field + "\":[\"" + id + "\"]}"),
        root,
        200);
    try {
      MvcResult r = transition(rec, "approve", root, 403);
      assertThat(json(r).get("code").asString()).isEqualTo("guardrail");
      assertThat(detail(rec).get("state").asString()).isEqualTo("proposed");
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
  void approveThenApplyWhenOtherApproverThenAppliedWithPatchEventsAndAuditRows() throws Exception {
    JsonNode rec = proposed(3);
    int approvals = rec.get("risk").asString().equals("high") ? 2 : 1;
    JsonNode after = json(transition(rec, "approve", carol, 200)).get("recommendation");
    assertThat(approvals).isEqualTo(2);
    if (approvals == 2) {
      assertThat(after.get("state").asString()).isEqualTo("proposed");
      assertThat(json(transition(after, "approve", carol, 409)).get("code").asString())
          .isEqualTo("duplicate-approval");
      assertThat(json(transition(after, "approve", bob, 403)).get("code").asString())
          .isEqualTo("self-approval");
      after = json(transition(after, "approve", dave, 200)).get("recommendation");
    }
    assertThat(after.get("state").asString()).isEqualTo("approved");
    JsonNode applied = json(transition(after, "apply", carol, 200)).get("recommendation");
    assertThat(applied.get("state").asString()).isEqualTo("applied");
    JsonNode patch =
        json(call(get("/api/v1/recommendations/" + rec.get("id") + "/patch"), vic, 200));
    assertThat(patch.get("recommendation").asString()).isEqualTo(rec.get("key").asString());
    JsonNode events =
        json(call(get("/api/v1/recommendations/" + rec.get("id") + "/events"), vic, 200));
    assertThat(events)
        .extracting(e -> e.get("to").asString())
        .contains("approved", "applying", "applied");
    // a second apply of the same item is refused: no double apply
    transition(applied, "apply", dave, 409);
    assertThat(audit.verify()).isInstanceOf(Verification.Intact.class);
    JsonNode v = json(call(get("/api/v1/audit/verify"), root, 200));
    assertThat(v.get("intact").asBoolean()).isTrue();
    assertThat(v.get("rows").asLong()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void approveWhenVersionStaleThen409AndOnlyFirstDecisionLands() throws Exception {
    JsonNode rec = proposed(4);
    transition(rec, "defer", ana, 200);
    MvcResult r = transition(rec, "approve", carol, 409);
    assertThat(json(r).get("code").asString()).isEqualTo("stale-version");
    assertThat(detail(rec).get("state").asString()).isEqualTo("deferred");
  }

  @Test
  void rejectWhenNoReasonThen400AndWhenRejectedThenApproveIllegal() throws Exception {
    JsonNode rec = proposed(5);
    transition(rec, "reject", carol, 400);
    JsonNode rejected =
        json(call(
                post("/api/v1/recommendations/" + rec.get("id") + "/transitions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"action\":\"reject\",\"version\":"
                            + rec.get("version")
                            + ",\"comment\":\"owner still needs it\"}"),
                carol,
                200))
            .get("recommendation");
    assertThat(rejected.get("state").asString()).isEqualTo("rejected");
    MvcResult r = transition(rejected, "approve", dave, 409);
    assertThat(json(r).get("code").asString()).isEqualTo("illegal-transition");
  }

  @Test
  void formPostWhenSessionWithoutCsrfTokenThen403() throws Exception {
    MvcResult r =
        mvc.perform(
                post("/api/v1/tokens")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user("ana")
                            .roles("ANALYST"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"x\"}"))
            .andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void responsesWhenSignedInThenCarrySecurityHeaders() throws Exception {
    MvcResult r = call(get("/api/v1/recommendations"), vic, 200);
    assertThat(r.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors");
  }

  // --- helpers ---

  /** The n-th seeded recommendation (each test uses its own). */
  private JsonNode proposed(int n) throws Exception {
    JsonNode all =
        json(call(get("/api/v1/recommendations?size=500&sort=id"), vic, 200)).get("items");
    // the seeded ones come last: they were inserted after the import's own
    JsonNode chosen = all.get(all.size() - SEEDED + n);
    assertThat(chosen).as("seeded recommendation " + n).isNotNull();
    return detail(chosen);
  }

  private JsonNode detail(JsonNode rec) throws Exception {
    return json(call(get("/api/v1/recommendations/" + rec.get("id")), vic, 200));
  }

  private MvcResult transition(JsonNode rec, String action, String token, int status)
      throws Exception {
    return call(
        post("/api/v1/recommendations/" + rec.get("id") + "/transitions")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"action\":\"" + action + "\",\"version\":" + rec.get("version") + "}"),
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

  static void copyDemo(Path target) throws IOException {
    String base = "/dev/least/app/demo-snapshot/";
    try (InputStream index = ServerApiTest.class.getResourceAsStream(base + "INDEX")) {
      List<String> files =
          new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String f : files) {
        Path out = target.resolve(f);
        Files.createDirectories(out.getParent());
        try (InputStream in = ServerApiTest.class.getResourceAsStream(base + f)) {
          Files.copy(in, out);
        }
      }
    }
  }
}

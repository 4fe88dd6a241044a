package dev.least.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.least.app.cli.DemoCommand;
import dev.least.app.store.RecommendationFilter;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.RecommendationSummary;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.RecommendationState;
import dev.least.app.workflow.Role;
import dev.least.app.workflow.SnapshotImport;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every dashboard page renders for the bundled sample (imported by ana), over MockMvc: overview,
 * list (whole page and the htmx fragment), each recommendation, snapshots and audit; role limits,
 * the login redirect for browsers, CSRF on forms, and a workflow action through the page.
 */
@SpringBootTest(
    classes = dev.least.app.config.LeastServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:least-pages;DB_CLOSE_DELAY=-1",
      "least.bootstrap-admin=false"
    })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesTest {
  static final RequestPostProcessor ANA = user("ana").roles("ANALYST");
  static final RequestPostProcessor BOB = user("bob").roles("APPROVER");
  static final RequestPostProcessor VIC = user("vic").roles("VIEWER");
  static final RequestPostProcessor ROOT = user("root").roles("ADMIN");

  @Autowired MockMvc mvc;
  @Autowired SnapshotImport imports;
  @Autowired RecommendationRepository recommendations;

  SnapshotImport.Imported imported;

  @BeforeAll
  void importSample() throws Exception {
    Path snap = DemoCommand.extract(Files.createTempDirectory("least-pages").resolve("s"));
    imported = imports.importFolder("", snap, new Actor("ana", Role.ANALYST));
  }

  @Test
  void overviewWhenImportedThenCountsPolicyRatesAndTopUsers() throws Exception {
    String html = page(get("/"), VIC, 200);
    assertThat(html)
        .contains("contoso-demo")
        .contains("id=\"by-type\"")
        .contains("id=\"policy-table\"")
        .contains("data-chart=")
        .contains("id=\"top-users\"")
        .contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
    assertThat(html).doesNotContain("style=").doesNotContain("onchange=");
  }

  @Test
  void listWhenFilteredThenOnlyMatchingRowsAndHtmxGetsTheFragmentOnly() throws Exception {
    StoredRecommendation any = first();
    String full = page(get("/recommendations").param("type", any.type()), VIC, 200);
    assertThat(full).contains("<html").contains("id=\"filters\"");
    assertThat(full.split("class=\"rec-row\"", -1).length - 1)
        .isEqualTo(
            recommendations
                .page(new RecommendationFilter(null, any.type(), null, null, null), 0, 25)
                .items()
                .size());
    String fragment =
        page(
            get("/recommendations").param("risk", any.risk()).header("HX-Request", "true"),
            VIC,
            200);
    assertThat(fragment).doesNotContain("<html").contains("id=\"results\"");
    assertThat(fragment).doesNotContainPattern("data-risk=\"(?!" + any.risk() + ")");
  }

  @Test
  void detailWhenAnyRecommendationThenRendersWithEvidenceAndApplyNote() throws Exception {
    for (long id : recommendations.idsOfRun(imported.run().id())) {
      String html = page(get("/recommendations/" + id), BOB, 200);
      assertThat(html)
          .contains("id=\"rationale\"")
          .contains("id=\"evidence\"")
          .contains("Apply records the patch; sending it arrives with the live connectors.");
    }
  }

  @Test
  void detailWhenRequesterThenNoApproveButtonButDefer() throws Exception {
    // one still proposed (the approval test approves one), from the end
    List<Long> ids = recommendations.idsOfRun(imported.run().id());
    long id = -1;
    for (int i = ids.size() - 1; i >= 0 && id < 0; i--) {
      if (recommendations.find(ids.get(i)).orElseThrow().state() == RecommendationState.PROPOSED) {
        id = ids.get(i);
      }
    }
    assertThat(id).as("a proposed recommendation").isPositive();
    String html = page(get("/recommendations/" + id), ANA, 200);
    assertThat(html).doesNotContain("id=\"action-approve\"").contains("id=\"action-defer\"");
    assertThat(page(get("/recommendations/" + id), BOB, 200)).contains("id=\"action-approve\"");
    page(get("/recommendations/999999"), VIC, 404);
  }

  @Test
  void approveThroughThePageWhenSecondPersonThenApprovedAndStaleVersionRefused() throws Exception {
    // the sample's least.yaml protects some targets: take the first item the guardrails allow
    RecommendationSummary approved = null;
    for (RecommendationSummary r :
        recommendations.page(RecommendationFilter.none(), 0, 500).items()) {
      if (r.risk().equals("high") || r.state() != RecommendationState.PROPOSED) {
        continue;
      }
      MvcResult role = form(r, "approve", r.version(), ANA);
      assertThat(role.getFlashMap().get("error").toString()).contains("needs the role approver");
      MvcResult self = form(r, "approve", r.version(), user("ana").roles("APPROVER"));
      assertThat(self.getFlashMap().get("error").toString()).contains("two-person rule");
      MvcResult ok = form(r, "approve", r.version(), BOB);
      Object error = ok.getFlashMap().get("error");
      if (error != null) {
        assertThat(error.toString()).contains("protected");
        continue;
      }
      assertThat(ok.getFlashMap().get("notice").toString()).contains("approved");
      approved = r;
      break;
    }
    assertThat(approved).as("an approvable recommendation in the sample").isNotNull();
    assertThat(recommendations.find(approved.id()).orElseThrow().state())
        .isEqualTo(RecommendationState.APPROVED);
    MvcResult stale = form(approved, "apply", approved.version(), BOB);
    assertThat(stale.getFlashMap().get("error").toString()).contains("reload");
    assertThat(page(get("/recommendations/" + approved.id()), BOB, 200))
        .contains("proposed → approved");
  }

  @Test
  void formPostWhenNoCsrfTokenThen403() throws Exception {
    StoredRecommendation r = first();
    mvc.perform(
            post("/recommendations/" + r.id() + "/transitions")
                .with(BOB)
                .param("action", "approve")
                .param("version", "0"))
        .andExpect(res -> assertThat(res.getResponse().getStatus()).isEqualTo(403));
  }

  @Test
  void auditWhenAdminThenVerifiedAndWhenViewerThen403() throws Exception {
    assertThat(page(get("/audit"), ROOT, 200)).contains("Chain verified");
    page(get("/audit"), VIC, 403);
    assertThat(page(get("/snapshots"), ANA, 200)).contains("id=\"upload-form\"");
    assertThat(page(get("/snapshots"), VIC, 200)).doesNotContain("id=\"upload-form\"");
  }

  @Test
  void pageWhenBrowserWithoutSessionThenRedirectedToLoginAndAssetsServed() throws Exception {
    MvcResult r = mvc.perform(get("/recommendations").accept(MediaType.TEXT_HTML)).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(302);
    assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login");
    assertThat(page(get("/login"), null, 200))
        .contains("id=\"login-form\"")
        .doesNotContain("oidc-login");
    for (String asset :
        new String[] {
          "/webjars/htmx.org/2.0.4/dist/htmx.min.js",
          "/webjars/echarts/5.3.1/dist/echarts.min.js",
          "/js/dashboard.js",
          "/css/least.css"
        }) {
      MvcResult a = mvc.perform(get(asset)).andReturn();
      assertThat(a.getResponse().getStatus()).as(asset).isEqualTo(200);
    }
    MvcResult home = mvc.perform(get("/").with(VIC)).andReturn();
    assertThat(home.getResponse().getHeader("Content-Security-Policy"))
        .startsWith("default-src 'self'");
  }

  private StoredRecommendation first() {
    return recommendations.find(recommendations.idsOfRun(imported.run().id()).get(0)).orElseThrow();
  }

  private MvcResult form(
      RecommendationSummary r, String action, int version, RequestPostProcessor who)
      throws Exception {
    MvcResult res =
        mvc.perform(
                post("/recommendations/" + r.id() + "/transitions")
                    .with(who)
                    .with(csrf())
                    .param("action", action)
                    .param("version", Integer.toString(version))
                    .param("comment", "looked at it"))
            .andReturn();
    assertThat(res.getResponse().getRedirectedUrl()).isEqualTo("/recommendations/" + r.id());
    return res;
  }

  private String page(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req,
      RequestPostProcessor who,
      int status)
      throws Exception {
    if (who != null) {
      req = req.with(who);
    }
    MvcResult r = mvc.perform(req).andReturn();
    String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
    return body;
  }
}

package dev.least.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.least.app.audit.AuditLog;
import dev.least.app.audit.AuditRow;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.UserAccount;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administration pages over MockMvc: only admins reach them (pages and form POSTs), forms need
 * the CSRF token, every change writes an audit row, the last enabled admin and one's own account
 * are protected, a new token is shown once, guardrails are edited.
 */
@SpringBootTest(
    classes = dev.least.app.config.LeastServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:least-admin-pages;DB_CLOSE_DELAY=-1",
      "least.bootstrap-admin=false"
    })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesTest {
  static final String PASSWORD = "correct horse battery staple";
  static final RequestPostProcessor ROOT = user("root").roles("ADMIN");

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired TenantRepository tenants;
  @Autowired AuditLog audit;
  @Autowired PasswordEncoder passwords;

  @BeforeAll
  void seed() {
    users.create("root", passwords.encode(PASSWORD), Role.ADMIN);
    users.create("ana", passwords.encode(PASSWORD), Role.ANALYST);
    tenants.findOrCreate("acme");
  }

  @Test
  void pagesAndFormsWhenNotAdminThen403AndNothingChanged() throws Exception {
    List<MockHttpServletRequestBuilder> requests =
        List.of(
            get("/admin/users"),
            get("/admin/guardrails"),
            post("/admin/users")
                .param("username", "intruder")
                .param("password", PASSWORD)
                .param("role", "admin"),
            post("/admin/users/ana/role").param("role", "admin"),
            post("/admin/users/root/enabled").param("enabled", "false"),
            post("/admin/tokens").param("owner", "root").param("name", "stolen"),
            post("/admin/tokens/1/revoke"),
            post("/admin/guardrails").param("tenant", "acme").param("users", ""));
    long rows = audit.latest(1).isEmpty() ? 0 : audit.latest(1).get(0).seq();
    for (String role : List.of("VIEWER", "ANALYST", "APPROVER")) {
      for (MockHttpServletRequestBuilder r : requests) {
        MvcResult res = mvc.perform(r.with(user("eve").roles(role)).with(csrf())).andReturn();
        assertThat(res.getResponse().getStatus())
            .as(role + " " + describe(res.getRequest()))
            .isEqualTo(403);
      }
    }
    assertThat(users.account("intruder")).isEmpty();
    assertThat(users.account("ana").orElseThrow().role()).isEqualTo(Role.ANALYST);
    assertThat(users.account("root").orElseThrow().enabled()).isTrue();
    assertThat(audit.latest(1).isEmpty() ? 0 : audit.latest(1).get(0).seq()).isEqualTo(rows);
  }

  @Test
  void formPostWhenNoCsrfTokenThenRefusedEvenForAdmin() throws Exception {
    MvcResult res =
        mvc.perform(
                post("/admin/users")
                    .with(ROOT)
                    .param("username", "nocsrf")
                    .param("password", PASSWORD)
                    .param("role", "viewer"))
            .andReturn();
    assertThat(res.getResponse().getStatus()).isEqualTo(403);
    assertThat(users.account("nocsrf")).isEmpty();
  }

  @Test
  void createChangeRoleDisableEnableWhenAdminThenDoneAndEachAudited() throws Exception {
    MvcResult created =
        form(
            post("/admin/users")
                .param("username", "carl")
                .param("password", PASSWORD)
                .param("role", "viewer"));
    assertThat(created.getFlashMap().get("notice").toString()).contains("carl");
    form(post("/admin/users/carl/role").param("role", "approver"));
    form(post("/admin/users/carl/enabled").param("enabled", "false"));
    UserAccount carl = users.account("carl").orElseThrow();
    assertThat(carl.role()).isEqualTo(Role.APPROVER);
    assertThat(carl.enabled()).isFalse();
    assertThat(carl.oidc()).isFalse();
    assertThat(passwords.matches(PASSWORD, users.find("carl").orElseThrow().passwordHash()))
        .isTrue();
    form(post("/admin/users/carl/enabled").param("enabled", "true"));
    assertThat(users.account("carl").orElseThrow().enabled()).isTrue();
    List<AuditRow> rows = audit.rowsAbout("user", "carl");
    assertThat(rows)
        .extracting(r -> r.entry().actor() + " " + r.entry().action() + " " + r.entry().toState())
        .containsExactly(
            "root user.create viewer",
            "root user.role approver",
            "root user.disable disabled",
            "root user.enable enabled");
    String html = page("/admin/users");
    assertThat(html).contains("data-user=\"carl\"").contains("data-role=\"approver\"");
    // a bad role or a short password is an error on the page, nothing stored
    MvcResult bad =
        form(
            post("/admin/users")
                .param("username", "dave")
                .param("password", "short")
                .param("role", "viewer"));
    assertThat(bad.getFlashMap().get("error").toString()).contains("12 to 72");
    assertThat(users.account("dave")).isEmpty();
  }

  @Test
  void lastAdminWhenDemotedOrDisabledThenRefusedAndOwnAccountNeverDisabled() throws Exception {
    MvcResult demote = form(post("/admin/users/root/role").param("role", "approver"));
    assertThat(demote.getFlashMap().get("error").toString()).contains("last enabled admin");
    MvcResult self = form(post("/admin/users/root/enabled").param("enabled", "false"));
    assertThat(self.getFlashMap().get("error").toString()).contains("your own account");
    assertThat(users.account("root").orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(users.account("root").orElseThrow().enabled()).isTrue();

    // with a second admin, the first may step down; then the second is the last one
    users.create("ada", passwords.encode(PASSWORD), Role.ADMIN);
    form(post("/admin/users/root/role").param("role", "approver"));
    assertThat(users.account("root").orElseThrow().role()).isEqualTo(Role.APPROVER);
    MvcResult last =
        mvc.perform(
                post("/admin/users/ada/enabled")
                    .param("enabled", "false")
                    .with(user("ada2").roles("ADMIN"))
                    .with(csrf()))
            .andReturn();
    assertThat(last.getFlashMap().get("error").toString()).contains("last enabled admin");
    // the API says the same, as a 409 problem
    MvcResult api =
        mvc.perform(
                patch("/api/v1/users/ada")
                    .with(user("ada2").roles("ADMIN"))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"role\":\"viewer\"}"))
            .andReturn();
    assertThat(api.getResponse().getStatus()).isEqualTo(409);
    assertThat(api.getResponse().getContentAsString()).contains("last-admin");
    assertThat(users.account("ada").orElseThrow().role()).isEqualTo(Role.ADMIN);
    // restore for the other tests
    form(post("/admin/users/root/role").param("role", "admin").with(user("ada").roles("ADMIN")));
    assertThat(users.account("root").orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void tokenWhenIssuedThenShownOnceUsableAndRevocable() throws Exception {
    MvcResult issued = form(post("/admin/tokens").param("owner", "ana").param("name", "ci"));
    String token = issued.getFlashMap().get("newToken").toString();
    assertThat(token).startsWith("lst_");
    assertThat(users.findByToken(token)).map(u -> u.username()).contains("ana");
    // the page after the redirect shows it; the next one does not
    String shown =
        mvc.perform(get("/admin/users").with(ROOT).flashAttrs(issued.getFlashMap()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(shown).contains(token);
    assertThat(page("/admin/users")).doesNotContain(token).contains(">ci<");
    long id =
        users.tokens().stream()
            .filter(t -> t.username().equals("ana") && t.name().equals("ci"))
            .findFirst()
            .orElseThrow()
            .id();
    form(post("/admin/tokens/" + id + "/revoke"));
    assertThat(users.findByToken(token)).isEmpty();
    assertThat(audit.rowsAbout("user", "ana"))
        .extracting(r -> r.entry().action())
        .containsSubsequence("token.create", "token.revoke");
  }

  @Test
  void guardrailsWhenEditedThenStoredAndAudited() throws Exception {
    assertThat(page("/admin/guardrails?tenant=acme")).contains("id=\"guardrails-form\"");
    form(
        post("/admin/guardrails")
            .param("tenant", "acme")
            .param("users", "breakglass1@acme.com\r\n  breakglass2@acme.com \n\n")
            .param("groups", "Tier0 Admins")
            .param("policies", "CA001 Block legacy auth, CA002 MFA for admins"));
    var g = tenants.guardrails(tenants.find("acme").orElseThrow().id());
    assertThat(g.protectedUsers()).containsExactly("breakglass1@acme.com", "breakglass2@acme.com");
    assertThat(g.protectedGroups()).containsExactly("Tier0 Admins");
    assertThat(g.protectedPolicies())
        .containsExactlyInAnyOrder("CA001 Block legacy auth", "CA002 MFA for admins");
    List<AuditRow> rows = audit.rowsAbout("tenant", "acme");
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(rows.size() - 1).entry().rationale()).contains("breakglass2@acme.com");
    assertThat(page("/admin/guardrails?tenant=acme")).contains("Tier0 Admins");
  }

  @Test
  void formLoginWhenLocalUserThenLastSignInRecorded() throws Exception {
    users.create("lou", passwords.encode(PASSWORD), Role.VIEWER);
    assertThat(users.account("lou").orElseThrow().lastLoginAt()).isNull();
    MvcResult r = mvc.perform(formLogin("/login").user("lou").password(PASSWORD)).andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
    assertThat(users.account("lou").orElseThrow().lastLoginAt()).isNotNull();
    assertThat(page("/admin/users")).contains("data-user=\"lou\"");
  }

  private MvcResult form(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult r = mvc.perform(request.with(ROOT).with(csrf())).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(302);
    return r;
  }

  private String page(String path) throws Exception {
    MvcResult r = mvc.perform(get(path).with(ROOT)).andReturn();
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static String describe(MockHttpServletRequest r) {
    return r.getMethod() + " " + r.getRequestURI();
  }

  @Test
  void disablingAUserEndsTheirOpenSession() throws Exception {
    users.create("sam", passwords.encode(PASSWORD), Role.VIEWER);
    var login = mvc.perform(formLogin("/login").user("sam").password(PASSWORD)).andReturn();
    var session =
        (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);
    assertThat(session).isNotNull();
    assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus())
        .as("signed in")
        .isEqualTo(200);

    users.setEnabled("sam", false);
    var after =
        mvc.perform(get("/").session(session).header("Accept", "text/html"))
            .andReturn()
            .getResponse();
    assertThat(after.getStatus())
        .as("session of a disabled user: to the login form")
        .isEqualTo(302);
    assertThat(after.getRedirectedUrl()).contains("/login");
    assertThat(session.isInvalid()).isTrue();
    users.setEnabled("sam", true);
  }
}

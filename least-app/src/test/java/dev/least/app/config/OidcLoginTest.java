package dev.least.app.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.least.app.audit.AuditLog;
import dev.least.app.audit.AuditRow;
import dev.least.app.store.UserAccount;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.Administration;
import dev.least.app.workflow.Role;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * OIDC sign-in against a fake provider served by WireMock: discovery document, JWKS and a token
 * endpoint that returns an RS256-signed ID token. Drives the authorization-code flow through
 * MockMvc (redirect to the provider, callback with code and state) and checks the role mapping.
 */
@SpringBootTest(
    classes = LeastServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:least-oidc;DB_CLOSE_DELAY=-1",
      "least.bootstrap-admin=false",
      "least.oidc.client-id=least-test",
      "least.oidc.client-secret=s3cret",
      "least.oidc.role-mapping.admin=least-admins",
      "least.oidc.role-mapping.approver=least-approvers,sec-team",
      "least.oidc.role-mapping.analyst=least-analysts"
    })
@AutoConfigureMockMvc
class OidcLoginTest {
  static final WireMockServer IDP = new WireMockServer(options().dynamicPort());
  static final RSAKey KEY;
  static final RSAKey OTHER_KEY;

  static {
    try {
      KEY = new RSAKeyGenerator(2048).keyID("idp-key").generate();
      OTHER_KEY = new RSAKeyGenerator(2048).keyID("idp-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    IDP.start();
    String issuer = IDP.baseUrl();
    IDP.stubFor(
        get(urlEqualTo("/.well-known/openid-configuration"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"issuer\":\""
                            + issuer
                            + "\",\"authorization_endpoint\":\""
                            + issuer
                            + "/authorize\",\"token_endpoint\":\""
                            + issuer
                            + "/token\",\"jwks_uri\":\""
                            + issuer
                            + "/jwks\",\"response_types_supported\":[\"code\"],"
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                            + "\"token_endpoint_auth_methods_supported\":"
                            + "[\"client_secret_basic\"]}")));
    IDP.stubFor(
        get(urlEqualTo("/jwks"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(new JWKSet(KEY.toPublicJWK()).toString())));
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    r.add("least.oidc.issuer-uri", IDP::baseUrl);
  }

  @AfterAll
  static void stop() {
    IDP.stop();
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired Administration administration;
  @Autowired AuditLog audit;
  @Autowired PasswordEncoder passwords;

  @Test
  void loginWhenFirstTimeThenUserStoredWithIssuerSubjectRoleAndAudited() throws Exception {
    MockHttpSession session = signIn("olga", List.of("least-analysts"), KEY);
    assertThat(name(session)).isEqualTo("olga");
    UserAccount u = users.account("olga").orElseThrow();
    assertThat(u.oidc()).isTrue();
    assertThat(u.issuer()).isEqualTo(IDP.baseUrl());
    assertThat(u.subject()).isEqualTo("sub-olga");
    assertThat(u.role()).isEqualTo(Role.ANALYST);
    assertThat(u.enabled()).isTrue();
    assertThat(u.lastLoginAt()).isNotNull();
    assertThat(users.findOidc(IDP.baseUrl(), "sub-olga")).contains(u);
    // no password: the local form refuses every password for an OIDC user
    assertThat(passwords.matches("", users.find("olga").orElseThrow().passwordHash())).isFalse();
    List<AuditRow> rows = audit.rowsAbout("user", "olga");
    assertThat(rows).extracting(r -> r.entry().action()).containsExactly("user.create");
    assertThat(rows.get(0).entry().toState()).isEqualTo("analyst");
    assertThat(rows.get(0).entry().rationale()).contains("sub-olga");
  }

  @Test
  void loginWhenGroupsChangedThenStoredRoleFollowsAndChangeAudited() throws Exception {
    signIn("pete", List.of("marketing"), KEY);
    assertThat(users.account("pete").orElseThrow().role()).isEqualTo(Role.VIEWER);
    MockHttpSession again = signIn("pete", List.of("sec-team"), KEY);
    assertThat(roles(again)).containsExactly("ROLE_APPROVER");
    assertThat(users.account("pete").orElseThrow().role()).isEqualTo(Role.APPROVER);
    assertThat(audit.rowsAbout("user", "pete"))
        .extracting(r -> r.entry().action() + ":" + r.entry().toState())
        .containsExactly("user.create:viewer", "user.role:approver");
    assertThat(users.accounts()).filteredOn(a -> a.username().equals("pete")).hasSize(1);
  }

  @Test
  void loginWhenUserDisabledThenRefusedAlthoughProviderLetsThemIn() throws Exception {
    signIn("dora", List.of("least-approvers"), KEY);
    administration.setEnabled(new Actor("root", Role.ADMIN), "dora", false);
    MockHttpSession session = new MockHttpSession();
    MvcResult cb = callback(session, "dora", List.of("least-approvers"), KEY);
    assertThat(cb.getResponse().getRedirectedUrl()).startsWith("/login?error");
    assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isNull();
    administration.setEnabled(new Actor("root", Role.ADMIN), "dora", true);
    assertThat(roles(signIn("dora", List.of("least-approvers"), KEY)))
        .containsExactly("ROLE_APPROVER");
  }

  @Test
  void loginWhenNameBelongsToLocalUserThenRefused() throws Exception {
    users.create("lena", passwords.encode("a long local password"), Role.VIEWER);
    MockHttpSession session = new MockHttpSession();
    MvcResult cb = callback(session, "lena", List.of("least-admins"), KEY);
    assertThat(cb.getResponse().getRedirectedUrl()).startsWith("/login?error");
    assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isNull();
    UserAccount lena = users.account("lena").orElseThrow();
    assertThat(lena.oidc()).isFalse();
    assertThat(lena.role()).isEqualTo(Role.VIEWER);
  }

  @Test
  void loginWhenAdminGroupThenAdminRoleAndAuditCheckAllowed() throws Exception {
    MockHttpSession session = signIn("alice", List.of("everyone", "least-admins"), KEY);
    assertThat(roles(session)).containsExactly("ROLE_ADMIN");
    assertThat(name(session)).isEqualTo("alice");
    assertThat(status(session, "/api/v1/audit/verify")).isEqualTo(200);
    IDP.verify(
        postRequestedFor(urlEqualTo("/token"))
            .withRequestBody(containing("grant_type=authorization_code"))
            .withRequestBody(containing("code=code-alice"))
            .withHeader("Authorization", containing("Basic ")));
  }

  @Test
  void loginWhenSeveralMappedGroupsThenHighestRole() throws Exception {
    MockHttpSession session = signIn("sam", List.of("least-analysts", "sec-team"), KEY);
    assertThat(roles(session)).containsExactly("ROLE_APPROVER");
    assertThat(status(session, "/api/v1/audit/verify")).isEqualTo(403);
  }

  @Test
  void loginWhenNoMappedGroupThenDefaultViewer() throws Exception {
    MockHttpSession session = signIn("val", List.of("marketing"), KEY);
    assertThat(roles(session)).containsExactly("ROLE_VIEWER");
    assertThat(status(session, "/api/v1/recommendations")).isEqualTo(200);
    assertThat(status(session, "/api/v1/audit/verify")).isEqualTo(403);
  }

  @Test
  void loginWhenIdTokenSignedByAnotherKeyThenRefused() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MvcResult cb = callback(session, "mallory", List.of("least-admins"), OTHER_KEY);
    assertThat(cb.getResponse().getRedirectedUrl()).startsWith("/login?error");
    assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isNull();
  }

  @Test
  void loginPageWhenOidcConfiguredThenOffersProviderAndLocalForm() throws Exception {
    String html =
        mvc.perform(MockMvcRequestBuilders.get("/login"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("/oauth2/authorization/oidc").contains("name=\"password\"");
  }

  private MockHttpSession signIn(String user, List<String> groups, RSAKey key) throws Exception {
    MockHttpSession session = new MockHttpSession();
    MvcResult cb = callback(session, user, groups, key);
    assertThat(cb.getResponse().getRedirectedUrl()).isEqualTo("/");
    return session;
  }

  /** Starts the flow, lets the fake provider issue a token for {@code user}, calls back. */
  private MvcResult callback(MockHttpSession session, String user, List<String> groups, RSAKey key)
      throws Exception {
    MvcResult start =
        mvc.perform(MockMvcRequestBuilders.get("/oauth2/authorization/oidc").session(session))
            .andReturn();
    String location = start.getResponse().getRedirectedUrl();
    assertThat(location).startsWith(IDP.baseUrl() + "/authorize");
    Map<String, String> q = query(location);
    assertThat(q).containsEntry("client_id", "least-test").containsEntry("response_type", "code");
    String code = "code-" + user;
    IDP.stubFor(
        post(urlEqualTo("/token"))
            .withRequestBody(containing("code=" + code))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\"at-"
                            + user
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                            + "\"scope\":\"openid profile email\",\"id_token\":\""
                            + idToken(user, groups, q.get("nonce"), key)
                            + "\"}")));
    return mvc.perform(
            MockMvcRequestBuilders.get("/login/oauth2/code/oidc")
                .param("code", code)
                .param("state", q.get("state"))
                .session(session))
        .andReturn();
  }

  private static String idToken(String user, List<String> groups, String nonce, RSAKey key)
      throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(IDP.baseUrl())
            .subject("sub-" + user)
            .audience("least-test")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", nonce)
            .claim("preferred_username", user)
            .claim("groups", groups)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private int status(MockHttpSession session, String path) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(path).session(session))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private static Authentication auth(MockHttpSession session) {
    SecurityContext ctx = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(ctx).as("signed in").isNotNull();
    return ctx.getAuthentication();
  }

  private static List<String> roles(MockHttpSession session) {
    return auth(session).getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .toList();
  }

  private static String name(MockHttpSession session) {
    return auth(session).getName();
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new HashMap<>();
    for (String kv : URI.create(url).getRawQuery().split("&")) {
      int eq = kv.indexOf('=');
      out.put(
          URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}

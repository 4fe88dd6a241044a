package dev.least.app.config;

import dev.least.app.store.ApiTokenCache;
import dev.least.app.store.StoredUser;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. Every endpoint denies anonymous access (401 as problem+json). Local users sign
 * in with a bcrypt password (form login with CSRF protection, or HTTP Basic); automation uses
 * {@code Authorization: Bearer lst_…} tokens. Roles nest: admin ⊃ approver ⊃ analyst ⊃ viewer.
 * Requests that carry an Authorization header (Basic or Bearer) are exempt from CSRF, as they do
 * not ride on a session cookie; form sessions are not. When {@code least.oidc.issuer-uri} is set,
 * {@link OidcLoginConfig} adds OIDC sign-in beside the local form. Browsers asking for a dashboard
 * page without a session are sent to {@code /login}; everything else gets a 401 problem.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * No Spring Security observations (a timer around every filter of the chain, the authentication
   * and the authorization): without a tracer they only fed meters nobody reads, and cost about a
   * tenth of a list request's CPU (issue 7). The {@code http.server.requests} metrics stay.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy(
        "ROLE_ADMIN > ROLE_APPROVER\nROLE_APPROVER > ROLE_ANALYST\nROLE_ANALYST > ROLE_VIEWER");
  }

  @Bean
  UserDetailsService userDetailsService(UserRepository users) {
    return username ->
        users
            .find(username)
            .map(SecurityConfig::details)
            .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
  }

  static org.springframework.security.core.userdetails.UserDetails details(StoredUser u) {
    return User.withUsername(u.username())
        .password(u.passwordHash())
        .roles(u.role().name())
        .disabled(!u.enabled())
        .build();
  }

  /** The highest role among the authorities of the signed-in user. */
  public static Role role(org.springframework.security.core.Authentication auth) {
    Role best = Role.VIEWER;
    boolean any = false;
    for (var a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        try {
          Role r = Role.valueOf(name.substring(5).toUpperCase(Locale.ROOT));
          if (!any || r.atLeast(best)) {
            best = r;
            any = true;
          }
        } catch (IllegalArgumentException ignored) {
          // an authority that is not one of Least's roles grants nothing here
        }
      }
    }
    return best;
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      ApiTokenCache tokens,
      UserRepository users,
      ProblemWriter problems,
      ObjectProvider<ClientRegistrationRepository> oidc)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/audit/verify",
                        "/api/v1/users",
                        "/api/v1/users/**",
                        "/api/v1/tokens",
                        "/api/v1/tokens/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/**")
                    .hasRole("VIEWER")
                    .requestMatchers(HttpMethod.POST, "/api/v1/snapshots")
                    .hasRole("ANALYST")
                    .requestMatchers(HttpMethod.POST, "/api/v1/tokens")
                    .hasRole("VIEWER")
                    .requestMatchers(
                        "/api/v1/tenants/*/guardrails",
                        "/api/v1/users",
                        "/api/v1/users/**",
                        "/api/v1/tokens",
                        "/api/v1/tokens/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/v1/recommendations/*/comments")
                    .hasRole("ANALYST")
                    .requestMatchers(HttpMethod.POST, "/api/v1/exceptions/expire")
                    .hasRole("ADMIN")
                    // transitions: the workflow checks the role each action needs
                    .requestMatchers("/api/v1/**")
                    .hasRole("VIEWER")
                    // the dashboard
                    .requestMatchers("/audit", "/audit/**", "/admin", "/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/snapshots/**")
                    .hasRole("ANALYST")
                    .requestMatchers(HttpMethod.POST, "/recommendations/*/comments")
                    .hasRole("ANALYST")
                    .anyRequest()
                    .authenticated())
        .httpBasic(Customizer.withDefaults())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; frame-ancestors 'none'; object-src 'none'"))
                    .referrerPolicy(
                        r ->
                            r.policy(
                                org.springframework.security.web.header.writers
                                    .ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), SecurityConfig::browserPage)
                    .defaultAuthenticationEntryPointFor(
                        (req, res, ex) ->
                            problems.write(
                                res, 401, "unauthenticated", "sign in or send a bearer token"),
                        AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler(
                        (req, res, ex) ->
                            problems.write(
                                res, 403, "forbidden", "your role does not allow this request")))
        .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .addFilterBefore(new DisabledSessionFilter(users), AuthorizationFilter.class);
    if (oidc.getIfAvailable() != null) {
      http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/", false));
    }
    return http.build();
  }

  /**
   * A browser asking for a dashboard page (Accept: text/html, not the API or actuator): sent to the
   * login page rather than given a 401 problem.
   */
  static boolean browserPage(HttpServletRequest req) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/actuator")) {
      return false;
    }
    String accept = req.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  /**
   * Authenticates {@code Authorization: Bearer lst_…}; an unknown token is a 401. The owner comes
   * from {@link ApiTokenCache}: a revoked token is refused within {@code
   * least.api.token-cache-seconds}.
   */
  static final class BearerTokenFilter extends OncePerRequestFilter {
    private final ApiTokenCache tokens;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokenCache tokens, ProblemWriter problems) {
      this.tokens = tokens;
      this.problems = problems;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String header = request.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        Optional<StoredUser> user = tokens.owner(header.substring(7).trim());
        if (user.isEmpty()) {
          problems.write(response, 401, "unauthenticated", "unknown or revoked token");
          return;
        }
        StoredUser u = user.get();
        var auth =
            UsernamePasswordAuthenticationToken.authenticated(
                u.username(), null, List.of(new SimpleGrantedAuthority("ROLE_" + u.role().name())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
      }
      chain.doFilter(request, response);
    }
  }

  /**
   * Ends the dashboard session of a user an administrator has disabled since they signed in: the
   * session is invalidated and the request goes on unauthenticated, so a page is sent to the login
   * form and the API answers 401. One lookup of the user per session request; requests with a
   * bearer token (no session) are checked through {@link ApiTokenCache} instead.
   */
  static final class DisabledSessionFilter extends OncePerRequestFilter {
    private final UserRepository users;

    DisabledSessionFilter(UserRepository users) {
      this.users = users;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      if (session != null) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
            && auth.isAuthenticated()
            && !(auth instanceof AnonymousAuthenticationToken)
            && users.account(auth.getName()).map(a -> !a.enabled()).orElse(false)) {
          session.invalidate();
          SecurityContextHolder.clearContext();
        }
      }
      chain.doFilter(request, response);
    }
  }
}

package dev.least.app.config;

import dev.least.app.store.StoredUser;
import dev.least.app.workflow.Administration;
import dev.least.app.workflow.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OIDC sign-in (authorization-code flow), on only when {@code least.oidc.issuer-uri} is set. The
 * provider's endpoints come from its discovery document; the role comes from a claim ({@code
 * least.oidc.roles-claim}, default {@code groups}) through {@link OidcRoleMapping}; the user name
 * from {@code least.oidc.username-claim} (default {@code preferred_username}, else {@code email},
 * else {@code sub}). Each sign-in goes through {@link Administration#oidcSignIn}: the user is
 * stored (issuer + subject), a disabled one is refused. Local form login stays available beside it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "least.oidc.issuer-uri")
public class OidcLoginConfig {
  /** The registration id, in {@code /oauth2/authorization/oidc} and the redirect URI. */
  public static final String REGISTRATION_ID = "oidc";

  /**
   * The claim Least adds to the signed-in user's ID token claims: the stored user's name, which is
   * the principal's name.
   */
  public static final String STORED_NAME_CLAIM = "least_username";

  @Bean
  ClientRegistrationRepository clientRegistrationRepository(
      @Value("${least.oidc.issuer-uri}") String issuer,
      @Value("${least.oidc.client-id}") String clientId,
      @Value("${least.oidc.client-secret:}") String clientSecret,
      @Value("${least.oidc.scopes:openid,profile,email}") List<String> scopes,
      @Value("${least.oidc.display-name:single sign-on}") String displayName) {
    ClientRegistration registration =
        ClientRegistrations.fromIssuerLocation(issuer)
            .registrationId(REGISTRATION_ID)
            .clientId(clientId)
            .clientSecret(clientSecret)
            .scope(scopes)
            .clientName(displayName)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  @Bean
  OidcRoleMapping oidcRoleMapping(
      @Value("${least.oidc.roles-claim:groups}") String claim,
      @Value("${least.oidc.role-mapping.admin:}") String admin,
      @Value("${least.oidc.role-mapping.approver:}") String approver,
      @Value("${least.oidc.role-mapping.analyst:}") String analyst,
      @Value("${least.oidc.role-mapping.viewer:}") String viewer,
      @Value("${least.oidc.default-role:viewer}") String defaultRole) {
    return OidcRoleMapping.of(claim, admin, approver, analyst, viewer, defaultRole);
  }

  /** Loads the OIDC user and gives it exactly one Least role and a stable user name. */
  @Bean
  OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(
      OidcRoleMapping mapping,
      Administration administration,
      @Value("${least.oidc.username-claim:preferred_username}") String usernameClaim) {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      Map<String, @Nullable Object> claims = new HashMap<>(user.getClaims());
      Role role = mapping.role(claims);
      String nameKey = nameClaim(claims, usernameClaim);
      String issuer = String.valueOf(user.getIdToken().getIssuer());
      String subject = user.getIdToken().getSubject();
      if (subject == null || subject.isBlank()) {
        throw new OAuth2AuthenticationException(
            new OAuth2Error("invalid_user", "the ID token has no sub claim", null));
      }
      String name = String.valueOf(claims.get(nameKey));
      StoredUser stored;
      try {
        stored = administration.oidcSignIn(issuer, subject, name, role);
      } catch (Administration.Refused e) {
        throw new OAuth2AuthenticationException(
            new OAuth2Error("access_denied", e.getMessage(), null), e.getMessage(), e);
      }
      // the stored name is the principal (it stays the first sign-in's, even when the provider's
      // preferred_username changes later): the workflow and the audit trail name stored users
      Map<String, Object> withName = new HashMap<>(user.getIdToken().getClaims());
      withName.put(STORED_NAME_CLAIM, stored.username());
      return new DefaultOidcUser(
          List.of(new SimpleGrantedAuthority("ROLE_" + stored.role().name())),
          new OidcIdToken(
              user.getIdToken().getTokenValue(),
              user.getIdToken().getIssuedAt(),
              user.getIdToken().getExpiresAt(),
              withName),
          user.getUserInfo(),
          STORED_NAME_CLAIM);
    };
  }

  private static String nameClaim(Map<String, @Nullable Object> claims, String preferred) {
    for (String key : List.of(preferred, "preferred_username", "email", "sub")) {
      Object v = claims.get(key);
      if (v instanceof String s && !s.isBlank()) {
        return key;
      }
    }
    throw new OAuth2AuthenticationException(
        new OAuth2Error("invalid_user", "the ID token names no user (no sub claim)", null));
  }
}

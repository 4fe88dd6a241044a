package dev.least.app.api;

import dev.least.app.audit.AuditLog;
import dev.least.app.audit.Verification;
import dev.least.app.config.SecurityConfig;
import dev.least.app.store.ApiToken;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.UserAccount;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.Administration;
import dev.least.app.workflow.Role;
import dev.least.model.TenantSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users, tokens, guardrails and the audit check. Every change is audited. */
@RestController
@Tag(name = "Administration", description = "Users, API tokens, guardrails, the audit check")
public class AdminController {
  private final TenantRepository tenants;
  private final Administration administration;
  private final AuditLog audit;

  public AdminController(TenantRepository tenants, Administration administration, AuditLog audit) {
    this.tenants = tenants;
    this.administration = administration;
    this.audit = audit;
  }

  /** Protected users, groups and policies (ids or names); break-glass accounts go in users. */
  public record GuardrailsBody(
      @NotNull List<@NotBlank String> users,
      @NotNull List<@NotBlank String> groups,
      @NotNull List<@NotBlank String> policies) {}

  @GetMapping("/api/v1/tenants/{name}/guardrails")
  @Operation(summary = "The tenant's guardrails: protected users, groups and policies")
  GuardrailsBody guardrails(@PathVariable String name) {
    Tenant t = tenant(name);
    TenantSettings.Guardrails g = tenants.guardrails(t.id());
    return new GuardrailsBody(g.protectedUsers(), g.protectedGroups(), g.protectedPolicies());
  }

  /** Replaces the tenant's guardrails (admin); audited. */
  @PutMapping("/api/v1/tenants/{name}/guardrails")
  @Operation(summary = "Replace the tenant's guardrails (admin); audited")
  GuardrailsBody replaceGuardrails(
      @PathVariable String name, @Valid @RequestBody GuardrailsBody body, Authentication auth) {
    TenantSettings.Guardrails g =
        administration.replaceGuardrails(
            actor(auth),
            name,
            new TenantSettings.Guardrails(body.users(), body.groups(), body.policies()));
    return new GuardrailsBody(g.protectedUsers(), g.protectedGroups(), g.protectedPolicies());
  }

  /** A new local user. */
  public record NewUser(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
      @NotBlank @Size(min = 12, max = 72) String password,
      @NotBlank String role) {}

  /** A user as shown: OIDC users carry their issuer and subject. */
  public record UserView(
      String username,
      String role,
      boolean enabled,
      String kind,
      @Nullable String issuer,
      @Nullable String subject,
      Instant createdAt,
      @Nullable Instant lastLoginAt) {
    static UserView of(UserAccount u) {
      return new UserView(
          u.username(),
          u.role().wire(),
          u.enabled(),
          u.oidc() ? "oidc" : "local",
          u.issuer(),
          u.subject(),
          u.createdAt(),
          u.lastLoginAt());
    }
  }

  @GetMapping("/api/v1/users")
  @Operation(summary = "Every user, local and OIDC, with role, state and last sign-in (admin)")
  List<UserView> users() {
    return administration.users().stream().map(UserView::of).toList();
  }

  @PostMapping("/api/v1/users")
  @Operation(summary = "Create a local user (admin); audited")
  ResponseEntity<UserView> createUser(@Valid @RequestBody NewUser u, Authentication auth) {
    UserAccount created =
        administration.createLocal(
            actor(auth), u.username(), u.password(), Role.fromWire(u.role()));
    return ResponseEntity.status(201).body(UserView.of(created));
  }

  /** A change to a user: a new role (local users), enabled or not; absent fields stay. */
  public record UserChange(@Nullable String role, @Nullable Boolean enabled) {}

  @PatchMapping("/api/v1/users/{username}")
  @Operation(
      summary = "Change a user's role or enable / disable it (admin); audited",
      description =
          "Refused (409) for the last enabled admin (last-admin), disabling yourself"
              + " (own-account) and the role of an OIDC user (managed-by-provider).")
  UserView changeUser(
      @PathVariable String username, @RequestBody UserChange change, Authentication auth) {
    Actor admin = actor(auth);
    UserAccount u = null;
    if (change.role() != null) {
      u = administration.changeRole(admin, username, Role.fromWire(change.role()));
    }
    if (change.enabled() != null) {
      u = administration.setEnabled(admin, username, change.enabled());
    }
    if (u == null) {
      throw new IllegalArgumentException("nothing to change: send role and/or enabled");
    }
    return UserView.of(u);
  }

  /** A token request: a name for it. */
  public record TokenRequest(@NotBlank @Size(max = 100) String name) {}

  /** The new token, shown only this once. */
  public record TokenView(String name, String token) {}

  /** A token for the signed-in user, carrying that user's role. */
  @PostMapping("/api/v1/tokens")
  @Operation(summary = "A bearer token for yourself, shown once; audited")
  ResponseEntity<TokenView> createToken(@Valid @RequestBody TokenRequest r, Authentication auth) {
    String token = administration.issueToken(actor(auth), auth.getName(), r.name());
    return ResponseEntity.status(201).body(new TokenView(r.name(), token));
  }

  @GetMapping("/api/v1/tokens")
  @Operation(summary = "Every API token (admin): owner, name, state; never the token")
  List<ApiToken> tokens() {
    return administration.tokens();
  }

  @DeleteMapping("/api/v1/tokens/{id}")
  @Operation(summary = "Revoke a token (admin); audited")
  ApiToken revokeToken(@PathVariable long id, Authentication auth) {
    return administration.revokeToken(actor(auth), id);
  }

  /** The audit chain's state. */
  public record VerifyView(boolean intact, long rows, @Nullable Long brokenAt, String reason) {}

  @GetMapping("/api/v1/audit/verify")
  @Operation(summary = "Verify the audit chain (admin)")
  VerifyView verify() {
    Verification v = audit.verify();
    if (v instanceof Verification.Broken b) {
      return new VerifyView(false, 0, b.seq(), b.reason());
    }
    return new VerifyView(true, ((Verification.Intact) v).rows(), null, "intact");
  }

  private Tenant tenant(String name) {
    return tenants.find(name).orElseThrow(() -> new ApiProblems.NotFound("no tenant " + name));
  }

  private static Actor actor(Authentication auth) {
    return new Actor(auth.getName(), SecurityConfig.role(auth));
  }
}

package dev.least.app.api;

import dev.least.app.audit.AuditEntry;
import dev.least.app.audit.AuditLog;
import dev.least.app.audit.Verification;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Role;
import dev.least.model.TenantSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users, tokens, guardrails and the audit check. */
@RestController
public class AdminController {
  private final TenantRepository tenants;
  private final UserRepository users;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final PasswordEncoder passwords;

  public AdminController(
      TenantRepository tenants,
      UserRepository users,
      AuditLog audit,
      TransactionTemplate tx,
      PasswordEncoder passwords) {
    this.tenants = tenants;
    this.users = users;
    this.audit = audit;
    this.tx = tx;
    this.passwords = passwords;
  }

  /** Protected users, groups and policies (ids or names). */
  public record GuardrailsBody(
      @NotNull List<@NotBlank String> users,
      @NotNull List<@NotBlank String> groups,
      @NotNull List<@NotBlank String> policies) {}

  @GetMapping("/api/v1/tenants/{name}/guardrails")
  GuardrailsBody guardrails(@PathVariable String name) {
    Tenant t = tenant(name);
    TenantSettings.Guardrails g = tenants.guardrails(t.id());
    return new GuardrailsBody(g.protectedUsers(), g.protectedGroups(), g.protectedPolicies());
  }

  /** Replaces the tenant's guardrails (admin); audited. */
  @PutMapping("/api/v1/tenants/{name}/guardrails")
  GuardrailsBody replaceGuardrails(
      @PathVariable String name, @Valid @RequestBody GuardrailsBody body, Authentication auth) {
    Tenant t = tenant(name);
    tx.executeWithoutResult(
        s -> {
          tenants.replaceGuardrails(
              t.id(), new TenantSettings.Guardrails(body.users(), body.groups(), body.policies()));
          audit.append(
              new AuditEntry(
                  auth.getName(),
                  "guardrails",
                  "tenant",
                  t.name(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  "users="
                      + body.users()
                      + " groups="
                      + body.groups()
                      + " policies="
                      + body.policies()));
        });
    return body;
  }

  /** A new local user. */
  public record NewUser(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
      @NotBlank @Size(min = 12, max = 72) String password,
      @NotBlank String role) {}

  /** A user as shown. */
  public record UserView(String username, String role) {}

  @PostMapping("/api/v1/users")
  ResponseEntity<UserView> createUser(@Valid @RequestBody NewUser u, Authentication auth) {
    Role role = Role.fromWire(u.role());
    tx.executeWithoutResult(
        s -> {
          users.create(u.username(), passwords.encode(u.password()), role);
          audit.append(
              new AuditEntry(
                  auth.getName(),
                  "user.create",
                  "user",
                  u.username(),
                  null,
                  role.wire(),
                  null,
                  null,
                  null,
                  null));
        });
    return ResponseEntity.status(201).body(new UserView(u.username(), role.wire()));
  }

  /** A token request: a name for it. */
  public record TokenRequest(@NotBlank @Size(max = 100) String name) {}

  /** The new token, shown only this once. */
  public record TokenView(String name, String token) {}

  /** A token for the signed-in user, carrying that user's role. */
  @PostMapping("/api/v1/tokens")
  ResponseEntity<TokenView> createToken(@Valid @RequestBody TokenRequest r, Authentication auth) {
    String token = users.createToken(auth.getName(), r.name());
    return ResponseEntity.status(201).body(new TokenView(r.name(), token));
  }

  /** The audit chain's state. */
  public record VerifyView(
      boolean intact, long rows, @org.jspecify.annotations.Nullable Long brokenAt, String reason) {}

  @GetMapping("/api/v1/audit/verify")
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
}

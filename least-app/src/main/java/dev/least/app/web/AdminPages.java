package dev.least.app.web;

import dev.least.app.config.SecurityConfig;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.Administration;
import dev.least.app.workflow.Role;
import dev.least.model.TenantSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration pages (admin role, enforced by {@link SecurityConfig} on {@code /admin/**}): users
 * (local and OIDC) with their role, state and last sign-in; API tokens; a tenant's guardrails.
 * Every form is CSRF-protected and calls {@link Administration}, which enforces the rules (last
 * admin, own account) and writes the audit rows; a refusal shows as an error.
 */
@Controller
public class AdminPages {
  private final Administration administration;
  private final TenantRepository tenants;

  public AdminPages(Administration administration, TenantRepository tenants) {
    this.administration = administration;
    this.tenants = tenants;
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    model.addAttribute("users", administration.users());
    model.addAttribute("tokens", administration.tokens());
    model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::wire).toList());
    return "admin-users";
  }

  @PostMapping("/admin/users")
  String createUser(
      @RequestParam String username,
      @RequestParam String password,
      @RequestParam String role,
      Authentication auth,
      RedirectAttributes flash) {
    return run(
        flash,
        "/admin/users",
        () -> {
          administration.createLocal(
              actor(auth), username.trim(), password, Role.fromWire(role.trim()));
          return "Created the local user " + username.trim() + " (" + role.trim() + ").";
        });
  }

  @PostMapping("/admin/users/{username}/role")
  String changeRole(
      @PathVariable String username,
      @RequestParam String role,
      Authentication auth,
      RedirectAttributes flash) {
    return run(
        flash,
        "/admin/users",
        () -> {
          administration.changeRole(actor(auth), username, Role.fromWire(role.trim()));
          return username + " is now " + role.trim() + ".";
        });
  }

  @PostMapping("/admin/users/{username}/enabled")
  String setEnabled(
      @PathVariable String username,
      @RequestParam boolean enabled,
      Authentication auth,
      RedirectAttributes flash) {
    return run(
        flash,
        "/admin/users",
        () -> {
          administration.setEnabled(actor(auth), username, enabled);
          return username + (enabled ? " is enabled." : " is disabled.");
        });
  }

  @PostMapping("/admin/tokens")
  String issueToken(
      @RequestParam String owner,
      @RequestParam String name,
      Authentication auth,
      RedirectAttributes flash) {
    return run(
        flash,
        "/admin/users",
        () -> {
          String token = administration.issueToken(actor(auth), owner.trim(), name.trim());
          // shown on the next page only: the flash map lives for one redirect
          flash.addFlashAttribute("newToken", token);
          flash.addFlashAttribute("newTokenOwner", owner.trim());
          return "Issued the token '" + name.trim() + "' for " + owner.trim() + ".";
        });
  }

  @PostMapping("/admin/tokens/{id}/revoke")
  String revokeToken(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
    return run(
        flash,
        "/admin/users",
        () -> {
          administration.revokeToken(actor(auth), id);
          return "Revoked token " + id + ".";
        });
  }

  @GetMapping("/admin/guardrails")
  String guardrails(@RequestParam(required = false) @Nullable String tenant, Model model) {
    List<Tenant> all = tenants.all();
    model.addAttribute("tenants", all);
    Optional<Tenant> chosen =
        tenant == null || tenant.isBlank() ? all.stream().findFirst() : tenants.find(tenant.trim());
    if (chosen.isEmpty() && tenant != null && !tenant.isBlank()) {
      model.addAttribute("error", "No tenant " + tenant.trim() + ".");
    }
    chosen.ifPresent(
        t -> {
          TenantSettings.Guardrails g = tenants.guardrails(t.id());
          model.addAttribute("tenant", t.name());
          model.addAttribute("protectedUsers", String.join("\n", g.protectedUsers()));
          model.addAttribute("protectedGroups", String.join("\n", g.protectedGroups()));
          model.addAttribute("protectedPolicies", String.join("\n", g.protectedPolicies()));
        });
    return "admin-guardrails";
  }

  @PostMapping("/admin/guardrails")
  String replaceGuardrails(
      @RequestParam String tenant,
      @RequestParam(defaultValue = "") String users,
      @RequestParam(defaultValue = "") String groups,
      @RequestParam(defaultValue = "") String policies,
      Authentication auth,
      RedirectAttributes flash) {
    flash.addAttribute("tenant", tenant);
    return run(
        flash,
        "/admin/guardrails",
        () -> {
          TenantSettings.Guardrails g =
              administration.replaceGuardrails(
                  actor(auth),
                  tenant,
                  new TenantSettings.Guardrails(lines(users), lines(groups), lines(policies)));
          return "Saved the guardrails of "
              + tenant
              + ": "
              + g.protectedUsers().size()
              + " user(s), "
              + g.protectedGroups().size()
              + " group(s), "
              + g.protectedPolicies().size()
              + " policy(ies).";
        });
  }

  /** One entry per non-blank line (or comma-separated), trimmed, in order, without repeats. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split("[\\r\\n,]+")) {
      String t = s.trim();
      if (!t.isEmpty() && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private interface Change {
    String run();
  }

  private static String run(RedirectAttributes flash, String back, Change change) {
    try {
      flash.addFlashAttribute("notice", change.run());
    } catch (Administration.Refused | IllegalArgumentException e) {
      flash.addFlashAttribute("error", "Refused: " + e.getMessage());
    }
    return "redirect:" + back;
  }

  private static Actor actor(Authentication auth) {
    return new Actor(auth.getName(), SecurityConfig.role(auth));
  }
}

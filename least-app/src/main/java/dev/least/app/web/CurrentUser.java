package dev.least.app.web;

import dev.least.app.config.SecurityConfig;
import dev.least.app.workflow.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's name and role in every dashboard page's model (for the nav bar). */
@ControllerAdvice(basePackageClasses = CurrentUser.class)
public class CurrentUser {
  /** Who is signed in, and what their role lets the page offer. */
  public record Me(String name, Role role) {
    public boolean analyst() {
      return role.atLeast(Role.ANALYST);
    }

    public boolean approver() {
      return role.atLeast(Role.APPROVER);
    }

    public boolean admin() {
      return role.atLeast(Role.ADMIN);
    }

    public String roleName() {
      return role.wire();
    }
  }

  @ModelAttribute("me")
  @Nullable Me me(@Nullable Authentication auth) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return null;
    }
    return new Me(auth.getName(), SecurityConfig.role(auth));
  }
}

package dev.least.app.config;

import dev.least.app.workflow.Administration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records a local user's form sign-in as its last login. Interactive sign-ins only: HTTP Basic and
 * bearer tokens authenticate every request and would cost a write each; OIDC sign-ins are recorded
 * by {@link Administration#oidcSignIn}.
 */
@Component
public class SignInRecorder {
  private final Administration administration;

  public SignInRecorder(Administration administration) {
    this.administration = administration;
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken auth) {
      administration.localSignIn(auth.getName());
    }
  }
}

package dev.least.app.web;

import dev.least.app.config.OidcLoginConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: the local account form, and the OIDC provider when one is configured. */
@Controller
public class LoginPage {
  private final ObjectProvider<ClientRegistrationRepository> oidc;

  public LoginPage(ObjectProvider<ClientRegistrationRepository> oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/login")
  String login(Model model) {
    ClientRegistrationRepository repo = oidc.getIfAvailable();
    if (repo != null) {
      ClientRegistration r = repo.findByRegistrationId(OidcLoginConfig.REGISTRATION_ID);
      if (r != null) {
        model.addAttribute("oidcName", r.getClientName());
        model.addAttribute("oidcUrl", "/oauth2/authorization/" + OidcLoginConfig.REGISTRATION_ID);
      }
    }
    return "login";
  }
}

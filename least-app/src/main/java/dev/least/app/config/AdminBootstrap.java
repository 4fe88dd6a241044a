package dev.least.app.config;

import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Role;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On first start (no users), creates {@code admin} with the password in {@code
 * LEAST_ADMIN_PASSWORD} or, without it, a random one printed once to standard error.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {
  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final String password;
  private final boolean enabled;

  public AdminBootstrap(
      UserRepository users,
      PasswordEncoder passwords,
      @Value("${LEAST_ADMIN_PASSWORD:}") String password,
      @Value("${least.bootstrap-admin:true}") boolean enabled) {
    this.users = users;
    this.passwords = passwords;
    this.password = password;
    this.enabled = enabled;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled || users.count() > 0) {
      return;
    }
    String pw = password;
    if (pw.isBlank()) {
      byte[] raw = new byte[18];
      new SecureRandom().nextBytes(raw);
      pw = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      System.err.println("least serve: created user 'admin' with password " + pw + " (shown once)");
    }
    users.create("admin", passwords.encode(pw), Role.ADMIN);
  }
}

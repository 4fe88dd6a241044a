package dev.least.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.least.app.cli.DemoCommand;
import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real headless Chromium against the server on a random port (H2 in memory): an
 * analyst signs in, imports the bundled sample snapshot (which analyzes it), filters the list
 * through htmx and opens a recommendation; an approver (a second person) approves it; an admin sees
 * the audit chain verified. No page may log a Content-Security-Policy violation.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code
 * tools/install-browser-test-deps.sh}); without them the test is skipped with a message, or fails
 * when {@code CI=true}.
 */
@SpringBootTest(
    classes = dev.least.app.config.LeastServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:least-browser;DB_CLOSE_DELAY=-1",
      "least.bootstrap-admin=false"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {
  static final Path CHROMIUM = Path.of(System.getProperty("least.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("least.chromedriver", "/usr/bin/chromedriver"));
  static final String PASSWORD = "correct horse battery staple";
  static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("least-browser");
      DemoCommand.extract(DATA.resolve("imports").resolve("sample"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    r.add("least.data-dir", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder passwords;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  void start() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    String missing =
        "chromium ("
            + CHROMIUM
            + ") or chromedriver ("
            + DRIVER
            + ") is missing; run tools/install-browser-test-deps.sh";
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("CI=true but " + missing);
    }
    assumeTrue(present, "skipping the browser tests: " + missing);
    users.create("ana", passwords.encode(PASSWORD), Role.ANALYST);
    users.create("bob", passwords.encode(PASSWORD), Role.APPROVER);
    users.create("root", passwords.encode(PASSWORD), Role.ADMIN);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void importFilterOpenApproveAsSecondUserAndVerifyAudit() {
    // an analyst imports the sample snapshot from the import folder; the import analyzes it
    signIn("ana");
    browser.findElement(By.id("nav-snapshots")).click();
    browser.findElement(By.id("folder-path")).sendKeys("sample");
    browser.findElement(By.id("import-folder")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    assertThat(text("notice")).startsWith("Imported snapshot");
    assertThat(text("tenant-name")).isEqualTo("contoso-demo");
    int count = Integer.parseInt(text("run-count"));
    assertThat(count).isPositive();
    assertThat(browser.findElements(By.cssSelector("#policy-chart canvas"))).isNotEmpty();
    noCspViolations();

    // the list, filtered by a risk through htmx (only the results are swapped)
    browser.findElement(By.id("nav-recommendations")).click();
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.rec-row"));
    assertThat(rows).isNotEmpty();
    String risk =
        rows.stream()
            .map(r -> r.getDomAttribute("data-risk"))
            .filter(r -> !"high".equals(r))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the sample yields only high-risk items"));
    WebElement resultsBefore = browser.findElement(By.id("results"));
    new Select(browser.findElement(By.id("f-risk"))).selectByValue(risk);
    wait.until(ExpectedConditions.stalenessOf(resultsBefore));
    wait.until(ExpectedConditions.urlContains("risk=" + risk));
    List<WebElement> filtered = browser.findElements(By.cssSelector("tr.rec-row"));
    assertThat(filtered).isNotEmpty();
    assertThat(filtered).allMatch(r -> risk.equals(r.getDomAttribute("data-risk")));

    // open one: the analyst who imported it may not approve it
    List<String> links =
        filtered.stream()
            .map(r -> r.findElement(By.cssSelector("a.rec-link")).getDomProperty("href"))
            .toList();
    filtered.get(0).findElement(By.cssSelector("a.rec-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rec-state")));
    assertThat(text("rec-state")).isEqualTo("proposed");
    assertThat(text("actions")).contains("Apply records the patch");
    assertThat(browser.findElements(By.id("action-approve"))).isEmpty();
    assertThat(browser.findElements(By.id("action-defer"))).isNotEmpty();
    signOut();

    // a second person approves one; the sample's least.yaml protects some targets, and the
    // guardrail refusal must show as an error, so take the first item the guardrails allow
    signIn("bob");
    boolean approved = false;
    for (String link : links) {
      browser.get(link);
      browser.findElement(By.id("comment-approve")).sendKeys("checked the evidence");
      browser.findElement(By.id("action-approve")).click();
      wait.until(
          ExpectedConditions.or(
              ExpectedConditions.presenceOfElementLocated(By.id("notice")),
              ExpectedConditions.presenceOfElementLocated(By.id("error"))));
      if (browser.findElements(By.id("notice")).isEmpty()) {
        assertThat(text("error")).contains("protected");
        continue;
      }
      approved = true;
      break;
    }
    assertThat(approved).as("an approvable item among the filtered ones").isTrue();
    assertThat(text("rec-state")).isEqualTo("approved");
    assertThat(text("rec-approvers")).contains("bob");
    assertThat(text("history")).contains("bob").contains("proposed → approved");
    noCspViolations();
    signOut();

    // the admin's audit page verifies the chain
    signIn("root");
    browser.findElement(By.id("nav-audit")).click();
    assertThat(text("audit-status")).startsWith("Chain verified");
    assertThat(text("audit-rows")).contains("bob").contains("approved");
  }

  @Test
  void usersPageWhenAdminCreatesAndDisablesUserThenShownAndOwnAccountProtected() {
    browser.manage().deleteAllCookies(); // whoever the other test left signed in
    signIn("root");
    browser.findElement(By.id("nav-users")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users")));
    browser.findElement(By.id("new-username")).sendKeys("cora");
    browser.findElement(By.id("new-password")).sendKeys(PASSWORD);
    new Select(browser.findElement(By.id("new-role"))).selectByValue("approver");
    browser.findElement(By.id("create-user")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    assertThat(text("notice")).contains("cora");
    WebElement row = browser.findElement(By.cssSelector("tr.user-row[data-user='cora']"));
    assertThat(row.getDomAttribute("data-role")).isEqualTo("approver");
    assertThat(text("state-cora")).isEqualTo("enabled");

    browser.findElement(By.id("toggle-cora")).click();
    wait.until(ExpectedConditions.textToBe(By.id("state-cora"), "disabled"));
    assertThat(users.find("cora").orElseThrow().enabled()).isFalse();

    // the admin cannot disable themselves: the page says so and nothing changes
    browser.findElement(By.id("toggle-root")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
    assertThat(text("error")).contains("your own account");
    assertThat(text("state-root")).isEqualTo("enabled");

    // a token is shown once
    new Select(browser.findElement(By.id("token-owner"))).selectByValue("bob");
    browser.findElement(By.id("token-name")).sendKeys("browser-ci");
    browser.findElement(By.id("issue-token")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token-value")));
    assertThat(text("new-token-value")).startsWith("lst_");
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tokens")));
    assertThat(browser.findElements(By.id("new-token-value"))).isEmpty();
    assertThat(text("tokens")).contains("browser-ci");
    noCspViolations();
    signOut();
  }

  private void signIn(String user) {
    browser.get("http://localhost:" + port + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("whoami")));
    assertThat(text("whoami")).startsWith(user + " (");
  }

  private void signOut() {
    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }

  private void noCspViolations() {
    List<String> violations =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertThat(violations).as("CSP violations in the browser console").isEmpty();
  }
}

package dev.least.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import dev.least.policy.SignInFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInFactsResolverTest {
  private final SignInFactsResolver resolver = new SignInFactsResolver(Events.directory());

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "Windows 10, windows",
        "Windows10, windows",
        "Windows 11, windows",
        "MacOs, macos",
        "macOS 14.2, macos",
        "iOS 17.1, ios",
        "Ios, ios",
        "iPadOS 17, ios",
        "Android, android",
        "Android 14, android",
        "Linux, linux",
        "Windows Phone 8.1, windowsphone",
        "Unknown, unknown",
        "PlayStation, NULL",
        "'', NULL"
      })
  void platformIsNormalizedToConditionalAccessNames(String logged, String want) {
    assertThat(SignInFactsResolver.platform(logged)).isEqualTo(want);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "Azure AD joined, AzureAD",
        "Microsoft Entra joined, AzureAD",
        "Hybrid Azure AD joined, ServerAD",
        "Microsoft Entra hybrid joined, ServerAD",
        "Azure AD registered, Workplace",
        "Microsoft Entra registered, Workplace",
        "ServerAD, ServerAD",
        "'', NULL",
        "Domain joined, NULL"
      })
  void loggedTrustTypeIsTranslatedToTheDeviceFilterSpelling(String logged, String want) {
    assertThat(SignInFactsResolver.trustType(logged)).isEqualTo(want);
  }

  @Test
  void deviceIdAndTrustTypeComeFromTheLog() {
    SignInFacts f =
        resolver.resolve(
            Events.withDevice(
                Events.event("e1", "alice", "app", TriState.TRUE),
                "34390ed6-52b3-4102-aeff-aad2292abac3",
                "Hybrid Azure AD joined"));
    assertThat(f.deviceId()).isEqualTo("34390ed6-52b3-4102-aeff-aad2292abac3");
    assertThat(f.deviceTrustType()).isEqualTo("ServerAD");
    SignInFacts unregistered =
        resolver.resolve(Events.unregistered(Events.event("e2", "alice", "app", TriState.TRUE)));
    assertThat(unregistered.deviceId()).isEmpty();
    assertThat(unregistered.deviceTrustType()).isNull();
  }

  @Test
  void emptyDeviceIdOnAManagedOrCompliantDeviceIsUnknownNotUnregistered() {
    // Events.event logs the device as managed and compliant: an empty id contradicts that
    SignInFacts f =
        resolver.resolve(
            Events.withDevice(Events.event("e1", "alice", "app", TriState.TRUE), "", null));
    assertThat(f.deviceId()).isNull();
  }

  @Test
  void nestedGroupsAndBuiltInTenantWideRolesComeFromTheDirectory() {
    SignInFacts f = resolver.resolve(Events.event("e1", "alice", "app", TriState.TRUE));
    assertThat(f.groupIds()).containsExactlyInAnyOrder("g-child", "g-parent");
    // the custom role does not count for Conditional Access
    assertThat(f.roleTemplateIds()).containsExactly(Events.ADMIN_ROLE);
    assertThat(f.guest()).isFalse();
  }

  @Test
  void roleScopedToAnAdministrativeUnitDoesNotCount() {
    SignInFacts f = resolver.resolve(Events.event("e1", "bob", "app", TriState.TRUE));
    assertThat(f.roleTemplateIds()).isEmpty();
  }

  @Test
  void guestStatusAndUnknownUserRisk() {
    SignInFacts f = resolver.resolve(Events.event("e1", "gina", "app", TriState.FALSE));
    assertThat(f.guest()).isTrue();
    assertThat(f.userRisk()).isEqualTo(RiskLevel.UNKNOWN);
    assertThat(f.mfaSatisfied()).isEqualTo(TriState.FALSE);
    assertThat(f.deviceId()).isNull();
  }

  @Test
  void mfaClaimInTokenOrFederatedClaimCountsAsSatisfied() {
    // reference §11 rows 34 and 35
    assertThat(
            resolver
                .resolve(
                    Events.event(
                        "e",
                        "bob",
                        "a",
                        "Browser",
                        "Windows 10",
                        TriState.UNKNOWN,
                        "MFA requirement satisfied by claim in the token",
                        0))
                .mfaSatisfied())
        .isEqualTo(TriState.TRUE);
    assertThat(
            resolver
                .resolve(
                    Events.event(
                        "e",
                        "bob",
                        "a",
                        "Browser",
                        "Windows 10",
                        TriState.UNKNOWN,
                        "MFA requirement satisfied by claim provided by external provider",
                        0))
                .mfaSatisfied())
        .isEqualTo(TriState.TRUE);
    assertThat(
            resolver
                .resolve(
                    Events.event(
                        "e", "bob", "a", "Browser", "Windows 10", TriState.UNKNOWN, null, 0))
                .mfaSatisfied())
        .isEqualTo(TriState.UNKNOWN);
  }

  @Test
  void accountMissingFromDirectoryIsReported() {
    assertThat(resolver.knows(Events.event("e", "zed", "a", TriState.TRUE))).isFalse();
    assertThat(resolver.knows(Events.event("e", "alice", "a", TriState.TRUE))).isTrue();
  }
}

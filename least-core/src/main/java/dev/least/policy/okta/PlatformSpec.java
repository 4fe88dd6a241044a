package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a rule's {@code conditions.platform.include/exclude}: {@code {type, os: {type}}}.
 *
 * @param type ANY, DESKTOP, MOBILE or OTHER ({@code PolicyPlatformType})
 * @param osType ANY, ANDROID, CHROMEOS, IOS, MACOS, OTHER, WINDOWS or LINUX ({@code
 *     PolicyPlatformOperatingSystemType}); OSX is accepted as MACOS
 */
public record PlatformSpec(String type, String osType) {
  public PlatformSpec {
    requireNonNull(type, "type");
    requireNonNull(osType, "osType");
  }

  /** A spec that pins only the operating system. */
  public static PlatformSpec os(String osType) {
    return new PlatformSpec("ANY", osType);
  }
}

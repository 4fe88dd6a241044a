package dev.least.policy.okta;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One request prepared for rule tests: group codes as a BitSet, IP chain parsed, zone cache. */
final class RequestContext {
  final OktaSignInRequest request;
  final BitSet groups;
  final byte @Nullable [][] chain;

  /** OS in upper case as the SPEC spells it (MACOS, WINDOWS, IOS, …), null when unknown. */
  final @Nullable String os;

  private final ZoneIndex zones;
  private final Match[] zoneCache;

  RequestContext(
      OktaSignInRequest request,
      Map<String, Integer> groupCodes,
      BitSet everyone,
      ZoneIndex zones) {
    this.request = request;
    BitSet g = (BitSet) everyone.clone();
    for (String id : request.groupIds()) {
      Integer code = groupCodes.get(id);
      if (code != null) {
        g.set(code);
      }
    }
    this.groups = g;
    this.chain = request.ipChain().isEmpty() ? null : ZoneIndex.parseChain(request.ipChain());
    this.os = normaliseOs(request.platform());
    this.zones = zones;
    this.zoneCache = new Match[zones.size()];
  }

  Match inZone(int index) {
    Match m = zoneCache[index];
    if (m == null) {
      m = zones.contains(index, chain, request.country());
      zoneCache[index] = m;
    }
    return m;
  }

  int inZoneCount() {
    return zoneCache.length;
  }

  String zoneName(int index) {
    return zones.zone(index).name();
  }

  static @Nullable String normaliseOs(@Nullable String platform) {
    if (platform == null || platform.isBlank()) {
      return null;
    }
    String p = platform.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    return switch (p) {
      case "MACOS", "OSX", "MACOSX", "MAC" -> "MACOS";
      case "WINDOWS", "WINDOWS10", "WINDOWS11" -> "WINDOWS";
      case "IOS", "IPADOS" -> "IOS";
      case "ANDROID" -> "ANDROID";
      case "LINUX" -> "LINUX";
      case "CHROMEOS" -> "CHROMEOS";
      default -> "OTHER";
    };
  }
}

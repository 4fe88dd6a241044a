package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A CIDR range of one address family, as named locations hold them ({@code iPv4CidrRange}, {@code
 * iPv6CidrRange}).
 */
public final class IpRange {
  private final IpAddress network;
  private final int prefix;
  private final String text;

  private IpRange(IpAddress network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /** Parses {@code a.b.c.d/n} or {@code x::y/n}; a bare address is a single-host range. */
  public static Optional<IpRange> parse(String cidr) {
    requireNonNull(cidr, "cidr");
    String t = cidr.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    Optional<IpAddress> a = IpAddress.parse(addr);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    int max = a.get().isV4() ? 32 : 128;
    int prefix = max;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new IpRange(a.get(), prefix, t));
  }

  public boolean contains(IpAddress ip) {
    if (network.isV4()) {
      if (!ip.isV4()) {
        return false;
      }
      int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
      return (network.v4() & mask) == (ip.v4() & mask);
    }
    byte[] n = network.bytes();
    byte[] x = ip.bytes();
    if (n.length != x.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (n[i] != x[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (n[full] & mask) == (x[full] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}

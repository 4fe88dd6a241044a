package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An inclusive range of IPv4 or IPv6 addresses, parsed once from an Okta zone gateway or proxy
 * value: a CIDR ({@code 1.2.3.0/24}), a RANGE ({@code 3.3.4.5-3.3.4.15}) or a single address.
 * Addresses are compared as unsigned big-endian byte strings of the same family.
 */
public final class IpRange {
  private final byte[] first;
  private final byte[] last;
  private final String text;

  private IpRange(byte[] first, byte[] last, String text) {
    this.first = first;
    this.last = last;
    this.text = text;
  }

  /** Parses a CIDR, {@code a-b} range or single address; throws on anything else. */
  public static IpRange parse(String value) {
    requireNonNull(value, "value");
    String v = value.trim();
    int dash = v.indexOf('-');
    if (dash > 0) {
      byte[] a = address(v.substring(0, dash).trim(), value);
      byte[] b = address(v.substring(dash + 1).trim(), value);
      if (a.length != b.length || compare(a, b) > 0) {
        throw new IllegalArgumentException(
            "Expected an ascending IP range but was '" + value + "'");
      }
      return new IpRange(a, b, value);
    }
    int slash = v.indexOf('/');
    if (slash > 0) {
      byte[] base = address(v.substring(0, slash), value);
      int bits;
      try {
        bits = Integer.parseInt(v.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Expected a CIDR prefix length in '" + value + "'", e);
      }
      if (bits < 0 || bits > base.length * 8) {
        throw new IllegalArgumentException("Expected a CIDR prefix length in '" + value + "'");
      }
      byte[] lo = base.clone();
      byte[] hi = base.clone();
      for (int i = 0; i < base.length; i++) {
        int keep = Math.max(0, Math.min(8, bits - i * 8));
        int mask = keep == 0 ? 0 : (0xFF << (8 - keep)) & 0xFF;
        lo[i] = (byte) (base[i] & mask);
        hi[i] = (byte) ((base[i] & mask) | (~mask & 0xFF));
      }
      return new IpRange(lo, hi, value);
    }
    byte[] a = address(v, value);
    return new IpRange(a, a, value);
  }

  /**
   * The address bytes of an IPv4 or IPv6 literal, or null when {@code ip} is not one. Never does a
   * DNS lookup.
   */
  public static byte @Nullable [] addressOrNull(String ip) {
    String v = ip.trim();
    if (v.isEmpty()) {
      return null;
    }
    if (v.indexOf(':') < 0) {
      return ipv4(v);
    }
    String lower = v.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.';
      if (!ok) {
        return null;
      }
    }
    try {
      // a literal made only of hex digits, colons and dots is parsed, never resolved
      byte[] b = InetAddress.getByName(lower).getAddress();
      return b;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte @Nullable [] ipv4(String v) {
    byte[] out = new byte[4];
    int part = 0;
    int acc = -1;
    for (int i = 0; i <= v.length(); i++) {
      char c = i == v.length() ? '.' : v.charAt(i);
      if (c == '.') {
        if (acc < 0 || part > 3) {
          return null;
        }
        out[part++] = (byte) acc;
        acc = -1;
      } else if (c >= '0' && c <= '9') {
        acc = (acc < 0 ? 0 : acc * 10) + (c - '0');
        if (acc > 255) {
          return null;
        }
      } else {
        return null;
      }
    }
    return part == 4 ? out : null;
  }

  private static byte[] address(String ip, String whole) {
    byte[] b = addressOrNull(ip);
    if (b == null) {
      throw new IllegalArgumentException(
          "Expected an IP address in '" + whole + "' but was '" + ip + "'");
    }
    return b;
  }

  private static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** Whether the address (bytes of the same family) lies in this range. */
  public boolean contains(byte[] address) {
    return address.length == first.length
        && compare(first, address) <= 0
        && compare(address, last) <= 0;
  }

  @Override
  public String toString() {
    return text;
  }
}

package dev.least.policy.entra;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 (4 bytes) or IPv6 (16 bytes) address literal. The family is the one the text is written
 * in: an IPv4-mapped IPv6 literal stays IPv6 and never matches an IPv4 range. Parsing never
 * resolves host names.
 */
public final class IpAddress {
  private final byte[] bytes;
  private final int v4;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
    this.v4 =
        bytes.length == 4
            ? ((bytes[0] & 0xff) << 24)
                | ((bytes[1] & 0xff) << 16)
                | ((bytes[2] & 0xff) << 8)
                | (bytes[3] & 0xff)
            : 0;
  }

  /** The IPv4 address as a big-endian int; 0 for IPv6. */
  int v4() {
    return v4;
  }

  public static Optional<IpAddress> parse(String text) {
    String t = text.trim();
    if (t.indexOf(':') >= 0) {
      return parseV6(t);
    }
    return parseV4(t);
  }

  private static Optional<IpAddress> parseV4(String t) {
    String[] parts = t.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3) {
        return Optional.empty();
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        char ch = p.charAt(k);
        if (ch < '0' || ch > '9') {
          return Optional.empty();
        }
        v = v * 10 + (ch - '0');
      }
      if (v > 255) {
        return Optional.empty();
      }
      b[i] = (byte) v;
    }
    return Optional.of(new IpAddress(b));
  }

  private static Optional<IpAddress> parseV6(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
      if (!ok) {
        return Optional.empty();
      }
    }
    try {
      InetAddress a = InetAddress.getByName(t); // a literal with ':' is never looked up
      byte[] raw = a.getAddress();
      if (a instanceof Inet4Address) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, 4);
        raw = mapped;
      }
      return Optional.of(new IpAddress(raw));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  boolean isV4() {
    return bytes.length == 4;
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of length " + bytes.length, e);
    }
  }
}

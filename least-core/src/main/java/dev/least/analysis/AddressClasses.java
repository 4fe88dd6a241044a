package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.NamedLocation;
import dev.least.model.SignInLog;
import dev.least.policy.entra.IpAddress;
import dev.least.policy.entra.IpRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sorts the IP addresses of a log into classes that the policy engines of a what-if cannot tell
 * apart, so that sign-ins which differ only in their address can share one evaluation: two
 * addresses are in one class when both parse (or fail to parse) alike as Conditional Access and as
 * Okta addresses and fall in the same ranges of the given named locations, under either reading.
 *
 * <p>This holds as long as an engine reads a sign-in's address only through the ranges of the named
 * locations it was built with (and whether there is an address at all): {@code
 * ConditionalAccessEvaluator} through its IP locations (and its "no address" check for MFA trusted
 * IPs), {@code OktaSignOnEvaluator} through its zones' gateways and proxies (a zone made from a
 * named location has its ranges as gateways, and no proxies). Pass every location any engine of the
 * simulation was built with. {@code AddressClassesPropertiesTest} holds the Conditional Access
 * engine to it; the Okta engine tests an address only against its zones' ranges ({@code
 * ZoneIndex}).
 */
final class AddressClasses {
  private final List<IpRange> entraRanges = new ArrayList<>();
  private final List<dev.least.policy.okta.IpRange> oktaRanges = new ArrayList<>();
  private final ClassOfCode classOfCode = new ClassOfCode(); // by address code
  private final Map<BitSet, Integer> classes = new HashMap<>();

  /** Classes for engines built with (a subset of) these locations. */
  AddressClasses(Collection<NamedLocation> locations) {
    Set<String> ranges = new LinkedHashSet<>();
    for (NamedLocation l : locations) {
      ranges.addAll(l.ranges());
    }
    for (String r : ranges) {
      IpRange.parse(r).ifPresent(entraRanges::add);
      try {
        oktaRanges.add(dev.least.policy.okta.IpRange.parse(r));
      } catch (IllegalArgumentException e) {
        // an Okta engine refuses such a zone when it is built: no sign-in is ever tested against it
      }
    }
  }

  /** The class of event {@code i}'s address; -1 when the event has none. */
  int of(SignInLog log, int i) {
    int code = log.ipCode(i);
    if (code < 0) {
      return -1;
    }
    int c = classOfCode.get(code);
    if (c == ClassOfCode.NEW) {
      c = classOfCode.remember(classify(requireNonNull(log.string(code))));
    }
    return c;
  }

  /** Number of classes met so far. */
  int size() {
    return classes.size();
  }

  private int classify(String ip) {
    BitSet signature = new BitSet();
    IpAddress a = IpAddress.parse(ip).orElse(null);
    if (a != null) {
      signature.set(0);
      for (int k = 0; k < entraRanges.size(); k++) {
        if (entraRanges.get(k).contains(a)) {
          signature.set(2 + k);
        }
      }
    }
    byte[] b = dev.least.policy.okta.IpRange.addressOrNull(ip);
    if (b != null) {
      signature.set(1);
      for (int k = 0; k < oktaRanges.size(); k++) {
        if (oktaRanges.get(k).contains(b)) {
          signature.set(2 + entraRanges.size() + k);
        }
      }
    }
    Integer c = classes.get(signature);
    if (c == null) {
      c = classes.size();
      classes.put(signature, c);
    }
    return c;
  }
}

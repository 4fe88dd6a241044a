package dev.least.analysis;

import dev.least.model.DenseKeys;
import dev.least.model.NamedLocation;
import dev.least.model.SignInLog;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import dev.least.replay.DirectoryIndex;
import dev.least.replay.SituationTable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The situation of a logged sign-in as the policy engines of one what-if see it, in four longs for
 * a {@link SituationTable}: the columns {@code SignInFactsResolver} reads (all but the time), each
 * reduced to what the engines can tell apart — the account to its {@link AccountClasses class}, the
 * address to its {@link AddressClasses class}, the device id to whether there is one (absent,
 * empty: unregistered, or present) unless a Conditional Access policy has a device filter (the only
 * reader of the id itself), and the MFA method to whether one is named (the resolver reads it only
 * that way). Sign-ins with equal keys get equal facts up to what no engine here reads, so one
 * evaluation serves them all.
 *
 * <p>Pass every policy and location any engine of the what-if was built with.
 */
final class SituationKeys {
  private final AccountClasses accounts;
  private final AddressClasses addresses;
  private final boolean deviceIds; // a device filter may read the device id itself
  private final ClassOfCode deviceClassOf = new ClassOfCode(); // by device code
  private final Map<DeviceClass, Integer> deviceClasses = new HashMap<>();
  private final ClassOfCode mfaNamedOf = new ClassOfCode(); // by MFA method code: 1 named, 0 not

  /** The device as Conditional Access reads it without a device filter. */
  private record DeviceClass(int idKind, @Nullable String trustType) {}

  SituationKeys(
      DirectoryIndex directory,
      Collection<ConditionalAccessPolicy> entra,
      Collection<OktaPolicy> okta,
      Collection<NamedLocation> locations) {
    this.accounts = new AccountClasses(directory, entra, okta);
    this.addresses = new AddressClasses(locations);
    boolean filters = false;
    for (ConditionalAccessPolicy p : entra) {
      filters |= p.deviceFilter() != null;
    }
    this.deviceIds = filters;
  }

  /** Account class and app code. */
  long a(SignInLog log, int i) {
    return DenseKeys.pack(accounts.of(log, i), log.appIdCode(i));
  }

  /** Address class and country code. */
  long b(SignInLog log, int i) {
    return DenseKeys.pack(addresses.of(log, i), log.countryCode(i));
  }

  /** Platform code and device class. */
  long c(SignInLog log, int i) {
    return DenseKeys.pack(log.platformCode(i), deviceIds ? log.deviceCode(i) : device(log, i));
  }

  /** Whether an MFA method is named, and the enum and flag columns. */
  long d(SignInLog log, int i) {
    long flags = SituationTable.keyD(log, i) & 0xFFFFFFFFL;
    return (mfaNamed(log, i) ? 1L : 0L) << 32 | flags;
  }

  private int device(SignInLog log, int i) {
    int c = deviceClassOf.get(log.deviceCode(i));
    if (c == ClassOfCode.NEW) {
      String id = log.deviceId(i);
      int kind = id == null ? 0 : id.isEmpty() ? 1 : 2;
      DeviceClass dc = new DeviceClass(kind, log.deviceTrustType(i));
      c = deviceClassOf.remember(deviceClasses.computeIfAbsent(dc, k -> deviceClasses.size()));
    }
    return c;
  }

  private boolean mfaNamed(SignInLog log, int i) {
    int named = mfaNamedOf.get(log.mfaMethodCode(i));
    if (named == ClassOfCode.NEW) {
      String method = log.mfaMethod(i);
      named = mfaNamedOf.remember(method != null && !method.isBlank() ? 1 : 0);
    }
    return named == 1;
  }

  /** How many account, address and device classes were met, for a report. */
  String classes() {
    return accounts.size()
        + " account classes, "
        + addresses.size()
        + " address classes, "
        + deviceClasses.size()
        + " device classes";
  }
}

package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.model.WorkerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One person or non-human account as planned, with its accounts on each platform.
 *
 * @param employeeId HR id; null for guests, service and break-glass accounts (no HR record)
 * @param manager index of the manager, or -1
 * @param remote works mostly from home
 * @param homeIp the home broadband address (a unique /24 per person)
 * @param hrStatus null when there is no HR record
 * @param activeFromDay first UTC epoch day with sign-ins
 * @param activeUntilDay last UTC epoch day with sign-ins (inclusive)
 * @param lastSignInBefore for accounts that do not sign in in the window: when they last did
 * @param laptopOs e.g. {@code Windows 11}, {@code macOS}
 * @param phoneOs {@code iOS} or {@code Android}
 * @param compliant whether the person's devices are Intune-compliant
 */
record PlannedUser(
    int index,
    UserKind kind,
    @Nullable String employeeId,
    String firstName,
    String lastName,
    String upn,
    @Nullable Department department,
    @Nullable String title,
    int manager,
    Office office,
    boolean remote,
    String homeIp,
    @Nullable WorkerStatus hrStatus,
    LocalDate hireDate,
    @Nullable LocalDate terminationDate,
    String workerType,
    Instant created,
    Activity activity,
    long activeFromDay,
    long activeUntilDay,
    @Nullable Instant lastSignInBefore,
    boolean entraEnabled,
    String oktaStatus,
    @Nullable String entraId,
    @Nullable String oktaId,
    String laptopOs,
    String phoneOs,
    boolean compliant,
    Set<Role> roles) {
  PlannedUser {
    requireNonNull(kind, "kind");
    requireNonNull(upn, "upn");
    requireNonNull(office, "office");
    requireNonNull(activity, "activity");
    roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  String displayName() {
    return firstName + " " + lastName;
  }

  boolean has(Role r) {
    return roles.contains(r);
  }

  /** Whether the person signs in on {@code epochDay}, by plan (not counting days off). */
  boolean activeOn(long epochDay) {
    return epochDay >= activeFromDay && epochDay <= activeUntilDay;
  }

  PlannedUser withRoles(Set<Role> r) {
    return new PlannedUser(
        index,
        kind,
        employeeId,
        firstName,
        lastName,
        upn,
        department,
        title,
        manager,
        office,
        remote,
        homeIp,
        hrStatus,
        hireDate,
        terminationDate,
        workerType,
        created,
        activity,
        activeFromDay,
        activeUntilDay,
        lastSignInBefore,
        entraEnabled,
        oktaStatus,
        entraId,
        oktaId,
        laptopOs,
        phoneOs,
        compliant,
        r);
  }
}

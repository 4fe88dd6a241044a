package dev.least.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One row of {@code hr/workers.csv}. */
public record HrWorker(
    String employeeId,
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    WorkerStatus status,
    @Nullable LocalDate hireDate,
    @Nullable LocalDate terminationDate,
    @Nullable String department,
    @Nullable String title,
    @Nullable String managerEmail,
    @Nullable String location,
    @Nullable String costCenter,
    @Nullable String workerType) {
  public HrWorker {
    requireNonNull(employeeId, "employeeId");
    requireNonNull(status, "status");
  }
}

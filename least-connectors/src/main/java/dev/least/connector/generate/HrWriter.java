package dev.least.connector.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes {@code hr/workers.csv}: one row per employee, consistent with the accounts. */
final class HrWriter {
  static final String HEADER =
      "employee_id,email,first_name,last_name,status,hire_date,termination_date,department,"
          + "title,manager_email,location,cost_center,worker_type";

  private HrWriter() {}

  static void write(Plan plan, SnapshotFiles files) {
    try (OutputStream out = files.open("hr/workers.csv");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (PlannedUser u : plan.users()) {
        if (u.employeeId() == null || u.hrStatus() == null || u.department() == null) {
          continue;
        }
        String status =
            switch (u.hrStatus()) {
              case ACTIVE -> "Active";
              case LEAVE -> "Leave";
              case TERMINATED -> "Terminated";
            };
        String manager = u.manager() >= 0 ? plan.users().get(u.manager()).upn() : "";
        w.write(
            String.join(
                ",",
                u.employeeId(),
                u.upn(),
                csv(u.firstName()),
                csv(u.lastName()),
                status,
                u.hireDate().toString(),
                u.terminationDate() == null ? "" : u.terminationDate().toString(),
                csv(u.department().name()),
                csv(u.title() == null ? "" : u.title()),
                manager,
                u.office().city(),
                u.department().costCenter(),
                u.workerType()));
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}

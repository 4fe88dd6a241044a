package dev.least.replay;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a what-if {@link Simulation}: how many sign-ins change and how, the most affected
 * users and apps (by number of changed sign-ins), and sample event ids per kind of change.
 */
public record SimulationReport(
    long events,
    long changed,
    Map<Simulation.Change, Long> counts,
    Map<Simulation.Change, List<String>> samples,
    List<Count> topUsers,
    List<Count> topApps) {
  public SimulationReport {
    counts = Map.copyOf(new EnumMap<>(counts));
    samples = Map.copyOf(new EnumMap<>(samples));
    topUsers = List.copyOf(topUsers);
    topApps = List.copyOf(topApps);
  }

  /** Sign-ins with this kind of change. */
  public long count(Simulation.Change change) {
    return counts.getOrDefault(change, 0L);
  }

  /** An id (user or app) and its number of changed sign-ins. */
  public record Count(String id, long count) {
    public Count {
      requireNonNull(id, "id");
    }
  }
}

package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The planted ground truth of a generated tenant, written as {@code truth.json} beside the snapshot
 * folder: the scenarios an analyzer should report and the decoys it must not.
 */
public record Truth(long seed, String platform, List<Scenario> scenarios, List<Decoy> decoys) {
  public Truth {
    requireNonNull(platform, "platform");
    scenarios = List.copyOf(scenarios);
    decoys = List.copyOf(decoys);
  }

  /** An object a scenario or decoy concerns, by the id written in the snapshot. */
  public record Ref(String kind, String id, String name) {
    public Ref {
      requireNonNull(kind, "kind");
      requireNonNull(id, "id");
      requireNonNull(name, "name");
    }
  }

  /**
   * A planted instance of one recommendation type.
   *
   * @param type a type of the recommendations contract, e.g. {@code disable_stale_account}
   * @param platform {@code entra} or {@code okta}
   */
  public record Scenario(
      String type, String platform, Ref target, List<Ref> subjects, String note) {
    public Scenario {
      requireNonNull(type, "type");
      requireNonNull(platform, "platform");
      requireNonNull(target, "target");
      requireNonNull(note, "note");
      subjects = List.copyOf(subjects);
    }
  }

  /**
   * Something a careless analyzer would flag.
   *
   * @param reason {@code must not recommend <type>}
   */
  public record Decoy(String kind, String id, String name, String platform, String reason) {
    public Decoy {
      requireNonNull(kind, "kind");
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      requireNonNull(platform, "platform");
      requireNonNull(reason, "reason");
    }

    /** The recommendation type named in the reason. */
    public String type() {
      return reason.substring(reason.lastIndexOf(' ') + 1);
    }
  }
}

package dev.least.connector.terraform;

import static java.util.Objects.requireNonNull;

import dev.least.model.TenantSnapshot;
import dev.least.recommend.Recommendation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Terraform for recommendations: one {@code <recommendation id>.tf} per recommendation (a header
 * comment naming the recommendation, its change and rationale, then resources of the azuread or
 * okta provider, with {@code import} blocks for objects that already exist, or a comment where
 * Terraform has no equivalent), a {@code versions.tf} pinning the providers used, and a {@code
 * README.md}. Deterministic: the same recommendations and snapshot give the same bytes. The
 * snapshot supplies the current bodies of objects a recommendation edits, because a Terraform
 * resource states the whole object, not a patch.
 */
public final class TerraformExport {
  /** Marks a directory this class wrote, so {@link #write} may replace it. */
  public static final String MARKER = ".least-terraform";

  private TerraformExport() {}

  /** File name → content, in name order. */
  public static SortedMap<String, String> files(
      List<Recommendation> recommendations, TenantSnapshot snapshot) {
    requireNonNull(recommendations, "recommendations");
    requireNonNull(snapshot, "snapshot");
    SortedMap<String, String> out = new TreeMap<>();
    Set<RecommendationTerraform.Provider> used =
        EnumSet.noneOf(RecommendationTerraform.Provider.class);
    for (Recommendation r : recommendations) {
      RecommendationTerraform.Result t = RecommendationTerraform.of(snapshot, r);
      used.addAll(t.providers());
      if (out.put(r.id() + ".tf", t.text()) != null) {
        throw new IllegalArgumentException("two recommendations with id " + r.id());
      }
    }
    out.put("versions.tf", versions(used));
    out.put("README.md", readme(recommendations.size()));
    out.put(MARKER, "Written by least analyze --terraform; replaced whole on the next run.\n");
    return out;
  }

  /**
   * Writes {@link #files} into {@code dir} whole or not at all: into a temporary sibling directory,
   * then moved into place. An existing {@code dir} is replaced only if it is empty or was written
   * by this class (it holds {@link #MARKER}); anything else is refused, so no one's Terraform is
   * overwritten.
   */
  public static void write(Path dir, List<Recommendation> recommendations, TenantSnapshot snapshot)
      throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IOException(dir + " exists and is not a directory");
      }
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent() && !Files.exists(target.resolve(MARKER))) {
          throw new IOException(
              dir
                  + " is not empty and was not written by least analyze --terraform; refusing to"
                  + " replace it");
        }
      }
    }
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException(dir + " has no parent directory");
    }
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
    Path old = null;
    try {
      for (Map.Entry<String, String> e : files(recommendations, snapshot).entrySet()) {
        Files.writeString(temp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      if (Files.exists(target)) {
        old = parent.resolve("." + target.getFileName() + ".old-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (old != null && !Files.exists(target)) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        old = null;
      }
      deleteTree(temp);
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String versions(Set<RecommendationTerraform.Provider> used) {
    StringBuilder b = new StringBuilder("terraform {\n  required_version = \">= 1.5\"\n");
    if (!used.isEmpty()) {
      b.append("\n  required_providers {\n");
      if (used.contains(RecommendationTerraform.Provider.AZUREAD)) {
        b.append("    azuread = {\n")
            .append("      source  = \"hashicorp/azuread\"\n")
            .append("      version = \"~> 2.53\"\n")
            .append("    }\n");
      }
      if (used.contains(RecommendationTerraform.Provider.OKTA)) {
        b.append("    okta = {\n")
            .append("      source  = \"okta/okta\"\n")
            .append("      version = \"~> 4.11\"\n")
            .append("    }\n");
      }
      b.append("  }\n");
    }
    return b.append("}\n").toString();
  }

  private static String readme(int count) {
    return """
        # Terraform for Least's recommendations

        Written by `least analyze SNAPSHOT --terraform DIR`: one `<recommendation id>.tf` per
        recommendation (%d here), each starting with a comment that names the recommendation, the
        change and its rationale, and the vendor API call it mirrors. `versions.tf` pins the
        providers used: `hashicorp/azuread` 2.x (Entra ID) and `okta/okta` 4.x. Provider
        configuration (tenant, credentials) is yours to add, e.g. in `providers.tf`.

        ## Existing objects need import blocks

        A Terraform resource states a whole object, not a patch. Where a recommendation changes
        an object that already exists in the tenant (a Conditional Access policy, a user, an Okta
        sign-on rule or policy), its file holds an `import` block (Terraform 1.5 or later) next to
        the resource, with the object's id, and the resource states the object as the snapshot
        saw it with the recommended change applied:

        | resource | import id |
        |---|---|
        | `azuread_conditional_access_policy` | policy object id |
        | `azuread_user` | user object id |
        | `okta_user` | user id |
        | `okta_policy_signon` | policy id |
        | `okta_policy_rule_signon` | `<policy id>/<rule id>` |

        Run `terraform plan` first: it shows each import and every difference between the tenant
        today and the file. If the object changed since the snapshot was taken, the plan shows it;
        re-run `least analyze` on a fresh snapshot rather than applying over someone's edit. If you
        already manage an object in Terraform, drop the `import` block and merge the change into
        your own resource instead. New objects (a policy or named location or zone the
        recommendation creates) have no import block.

        ## What is not written as Terraform

        Some recommendations have no Terraform equivalent, and their file holds only a comment
        saying why: deleting an object (in Terraform you delete the resource block that manages it;
        importing an object only to destroy it gains nothing), removing one group member or app
        assignment among many, and recommendations without a configuration change (reviews,
        revoking sessions). Apply those with the vendor call named in the comment, or through
        Least's approval workflow.

        Policies Least creates start in report-only where the recommendation says so
        (`state = "enabledForReportingButNotEnforced"`): switch them on after watching the sign-in
        logs.
        """
        .formatted(count);
  }
}

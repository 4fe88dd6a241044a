package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded snapshot zip into a folder, refusing archives that would escape the folder
 * (zip-slip: absolute names, {@code ..} segments, backslashes, drive letters), zip bombs (too many
 * entries, too many uncompressed bytes in total, an entry that inflates more than {@code maxRatio}
 * times its compressed size) and archives without exactly one snapshot root.
 *
 * <p>The snapshot root is the shallowest folder holding {@code manifest.json}; a zip of the folder
 * itself ({@code acme/manifest.json …}) and a zip of its contents ({@code manifest.json …}) both
 * work. Entries outside the root ({@code __MACOSX/}, a README beside the folder) are not extracted.
 * Sizes are counted as bytes are inflated, not taken from the (forgeable) headers. On any refusal
 * the target folder is removed: nothing is left half unpacked.
 */
public final class SnapshotArchive {
  private static final String MANIFEST = "manifest.json";

  /** Limits that bound what an upload may cost in disk and time. */
  public record Limits(int maxEntries, long maxTotalBytes, int maxRatio) {
    public Limits {
      if (maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1) {
        throw new IllegalArgumentException("archive limits must be positive");
      }
    }

    /** 200,000 entries, 4 GiB uncompressed, a ratio of 200 (JSON typically compresses 5–30x). */
    public static Limits defaults() {
      return new Limits(200_000, 4L << 30, 200);
    }
  }

  /** Why an archive was refused, as a stable code; the message names the entry. */
  public enum Problem {
    NOT_A_ZIP,
    UNSAFE_PATH,
    DUPLICATE_ENTRY,
    TOO_MANY_ENTRIES,
    TOO_LARGE,
    SUSPICIOUS_RATIO,
    NO_MANIFEST,
    SEVERAL_SNAPSHOTS
  }

  /**
   * An archive that was not unpacked. {@link #entry()} is the offending entry, when there is one.
   */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final String entry;

    Refused(Problem problem, String entry, String message) {
      super(entry.isEmpty() ? message : entry + ": " + message);
      this.problem = requireNonNull(problem, "problem");
      this.entry = entry;
    }

    public Problem problem() {
      return problem;
    }

    public String entry() {
      return entry;
    }
  }

  /** Only entries that inflate past this many bytes are held to the ratio limit. */
  private static final long RATIO_FLOOR_BYTES = 1 << 20;

  private final Limits limits;

  public SnapshotArchive(Limits limits) {
    this.limits = requireNonNull(limits, "limits");
  }

  /**
   * Unpacks the snapshot in {@code zip} into {@code target} (created; must not exist) and returns
   * {@code target}, whose top level is then the snapshot root.
   *
   * @throws Refused when the archive is unsafe or holds no single snapshot; {@code target} is gone
   */
  public Path unpack(Path zip, Path target) {
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " already exists");
    }
    try (ZipFile file = open(zip)) {
      List<ZipEntry> entries = checkedEntries(file);
      String root = snapshotRoot(entries);
      Files.createDirectories(target);
      try {
        extract(file, entries, root, target);
      } catch (RuntimeException | IOException e) {
        deleteTree(target);
        throw e;
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
    }
  }

  private static ZipFile open(Path zip) {
    try {
      return new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new Refused(
          Problem.NOT_A_ZIP, "", "the upload is not a zip archive: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded archive " + zip, e);
    }
  }

  /** Names checked for escapes and duplicates, count and declared sizes checked against limits. */
  private List<ZipEntry> checkedEntries(ZipFile file) {
    List<ZipEntry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long declared = 0;
    Enumeration<? extends ZipEntry> e = file.entries();
    while (e.hasMoreElements()) {
      ZipEntry entry = e.nextElement();
      if (out.size() >= limits.maxEntries()) {
        throw new Refused(
            Problem.TOO_MANY_ENTRIES,
            entry.getName(),
            "the archive has more than " + limits.maxEntries() + " entries");
      }
      String name = safeName(entry.getName());
      if (!seen.add(name)) {
        throw new Refused(
            Problem.DUPLICATE_ENTRY, entry.getName(), "the archive holds this name twice");
      }
      if (entry.getSize() > 0) {
        declared += entry.getSize();
        if (declared > limits.maxTotalBytes()) {
          throw tooLarge(entry.getName());
        }
      }
      out.add(entry);
    }
    return out;
  }

  /** The name with {@code /} separators, or a refusal when it could land outside the target. */
  static String safeName(String name) {
    boolean unsafe =
        name.isEmpty()
            || name.indexOf('\\') >= 0
            || name.indexOf('\0') >= 0
            || name.startsWith("/")
            || (name.length() > 1 && name.charAt(1) == ':');
    if (!unsafe) {
      for (String segment : name.split("/", -1)) {
        if (segment.equals("..") || segment.equals(".")) {
          unsafe = true;
          break;
        }
      }
    }
    if (unsafe) {
      throw new Refused(
          Problem.UNSAFE_PATH,
          name,
          "an entry name that is absolute or climbs out of the archive (zip-slip) is refused");
    }
    return name;
  }

  /** The prefix ({@code ""} or {@code "a/b/"}) of the shallowest folder holding manifest.json. */
  private static String snapshotRoot(List<ZipEntry> entries) {
    List<String> roots = new ArrayList<>();
    for (ZipEntry entry : entries) {
      String name = entry.getName();
      if (entry.isDirectory() || name.startsWith("__MACOSX/")) {
        continue;
      }
      if (name.equals(MANIFEST) || name.endsWith("/" + MANIFEST)) {
        roots.add(name.substring(0, name.length() - MANIFEST.length()));
      }
    }
    if (roots.isEmpty()) {
      throw new Refused(
          Problem.NO_MANIFEST,
          "",
          "no manifest.json in the archive: zip the snapshot folder (the one holding"
              + " manifest.json)");
    }
    int depth = roots.stream().mapToInt(SnapshotArchive::depth).min().orElseThrow();
    List<String> shallowest = roots.stream().filter(r -> depth(r) == depth).sorted().toList();
    if (shallowest.size() > 1) {
      throw new Refused(
          Problem.SEVERAL_SNAPSHOTS,
          shallowest.get(1) + MANIFEST,
          "the archive holds several snapshots ("
              + String.join(", ", shallowest)
              + "); upload one at a time");
    }
    return shallowest.get(0);
  }

  private static int depth(String prefix) {
    return (int) prefix.chars().filter(c -> c == '/').count();
  }

  private void extract(ZipFile file, List<ZipEntry> entries, String root, Path target)
      throws IOException {
    long total = 0;
    byte[] buf = new byte[1 << 16];
    for (ZipEntry entry : entries) {
      String name = entry.getName();
      if (!name.startsWith(root) || name.length() == root.length()) {
        continue;
      }
      Path out = target.resolve(name.substring(root.length())).normalize();
      if (!out.startsWith(target)) {
        throw new Refused(Problem.UNSAFE_PATH, name, "the entry would land outside the snapshot");
      }
      if (entry.isDirectory()) {
        Files.createDirectories(out);
        continue;
      }
      Files.createDirectories(requireNonNull(out.getParent(), "parent"));
      long compressed = Math.max(entry.getCompressedSize(), 1);
      long written = 0;
      try (InputStream in = file.getInputStream(entry);
          OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          written += n;
          total += n;
          if (total > limits.maxTotalBytes()) {
            throw tooLarge(name);
          }
          if (written > RATIO_FLOOR_BYTES && written / compressed > limits.maxRatio()) {
            throw new Refused(
                Problem.SUSPICIOUS_RATIO,
                name,
                "the entry inflates more than "
                    + limits.maxRatio()
                    + " times its compressed size (a zip bomb?)");
          }
          os.write(buf, 0, n);
        }
      } catch (ZipException e) {
        throw new Refused(Problem.NOT_A_ZIP, name, "a corrupt entry: " + e.getMessage());
      }
    }
  }

  private Refused tooLarge(String entry) {
    return new Refused(
        Problem.TOO_LARGE,
        entry,
        "the archive inflates to more than " + limits.maxTotalBytes() + " bytes");
  }

  /** Removes a folder and everything in it; quiet when it is already gone. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}

package dev.least.app.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders on the server's disk that snapshots may be imported from ({@code least.import-roots},
 * default {@code <data-dir>/imports}). A path is resolved against the first root when relative and
 * must, after following links, lie under one of them.
 */
public final class ImportRoots {
  private final List<Path> roots;

  public ImportRoots(List<Path> roots) {
    List<Path> list = new ArrayList<>();
    for (Path r : roots) {
      list.add(r.toAbsolutePath().normalize());
    }
    this.roots = List.copyOf(list);
  }

  /** Parses a comma-separated list of folders. */
  public static ImportRoots parse(String commaSeparated) {
    List<Path> list = new ArrayList<>();
    for (String r : commaSeparated.split(",")) {
      if (!r.isBlank()) {
        list.add(Path.of(r.trim()));
      }
    }
    return new ImportRoots(list);
  }

  public List<Path> roots() {
    return roots;
  }

  /** A path outside the import roots. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /**
   * The real path of {@code path} (absolute, or relative to the first root).
   *
   * @throws Refused when it lies outside every root, or no roots are configured
   * @throws IllegalArgumentException when there is nothing at that path
   */
  public Path resolve(String path) {
    if (roots.isEmpty()) {
      throw new Refused("no import roots are configured");
    }
    Path p = Path.of(path);
    Path abs = p.isAbsolute() ? p : roots.get(0).resolve(p);
    Path real;
    try {
      real = abs.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("no snapshot folder at " + path);
    }
    for (Path root : roots) {
      try {
        if (Files.exists(root) && real.startsWith(root.toRealPath())) {
          return real;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new Refused(path + " is outside the import roots (least.import-roots)");
  }

  /** Folders directly under the roots that hold a manifest.json, for the import page to offer. */
  public List<String> candidates() {
    List<String> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (var list = Files.list(root)) {
        list.filter(d -> Files.isRegularFile(d.resolve("manifest.json")))
            .map(d -> root.equals(roots.get(0)) ? d.getFileName().toString() : d.toString())
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list import root " + root, e);
      }
    }
    return out;
  }
}

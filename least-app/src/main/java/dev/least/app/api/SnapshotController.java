package dev.least.app.api;

import dev.least.app.config.SecurityConfig;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.SnapshotImport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports a snapshot folder on the server's disk and analyzes it. Only folders under the configured
 * import roots ({@code least.import-roots}, default {@code <data-dir>/imports}) are read.
 */
@RestController
@RequestMapping("/api/v1/snapshots")
public class SnapshotController {
  private final SnapshotImport imports;
  private final List<Path> roots;

  public SnapshotController(
      SnapshotImport imports,
      @Value("${least.import-roots:${least.data-dir}/imports}") String roots) {
    this.imports = imports;
    List<Path> list = new ArrayList<>();
    for (String r : roots.split(",")) {
      if (!r.isBlank()) {
        list.add(Path.of(r.trim()).toAbsolutePath().normalize());
      }
    }
    this.roots = List.copyOf(list);
  }

  /** Import request: the folder (absolute, or relative to the first import root) and tenant. */
  public record ImportRequest(
      @NotBlank @Size(max = 2000) String path, @Nullable @Size(max = 200) String tenant) {}

  /** What was stored. */
  public record ImportView(
      String tenant,
      long snapshotId,
      String checksum,
      long runId,
      String engineVersion,
      String modelVersion,
      int recommendations,
      long quarantined) {}

  @PostMapping
  ResponseEntity<ImportView> importFolder(
      @Valid @RequestBody ImportRequest req, Authentication auth) {
    Path folder = allowed(req.path());
    SnapshotImport.Imported i =
        imports.importFolder(
            req.tenant() == null ? "" : req.tenant(),
            folder,
            new Actor(auth.getName(), SecurityConfig.role(auth)));
    return ResponseEntity.status(201)
        .body(
            new ImportView(
                i.tenant().name(),
                i.snapshot().id(),
                i.snapshot().checksum(),
                i.run().id(),
                i.run().engineVersion(),
                i.run().modelVersion(),
                i.run().recommendations(),
                i.quarantined()));
  }

  private Path allowed(String path) {
    if (roots.isEmpty()) {
      throw new ApiProblems.ImportPathRefused("no import roots are configured");
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
    throw new ApiProblems.ImportPathRefused(
        path + " is outside the import roots (least.import-roots)");
  }
}

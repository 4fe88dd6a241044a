package dev.least.app.api;

import dev.least.app.config.SecurityConfig;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.ImportRoots;
import dev.least.app.workflow.SnapshotImport;
import dev.least.app.workflow.SnapshotUpload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports a snapshot and analyzes it: a folder on the server's disk under the configured import
 * roots ({@code least.import-roots}, default {@code <data-dir>/imports}), or a zip uploaded as
 * {@code multipart/form-data} (part {@code file}), unpacked under {@code <data-dir>/uploads}.
 */
@RestController
@RequestMapping("/api/v1/snapshots")
public class SnapshotController {
  private final SnapshotImport imports;
  private final SnapshotUpload uploads;
  private final ImportRoots roots;

  public SnapshotController(SnapshotImport imports, SnapshotUpload uploads, ImportRoots roots) {
    this.imports = imports;
    this.uploads = uploads;
    this.roots = roots;
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
      long quarantined) {
    static ImportView of(SnapshotImport.Imported i) {
      return new ImportView(
          i.tenant().name(),
          i.snapshot().id(),
          i.snapshot().checksum(),
          i.run().id(),
          i.run().engineVersion(),
          i.run().modelVersion(),
          i.run().recommendations(),
          i.quarantined());
    }
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ImportView> importFolder(
      @Valid @RequestBody ImportRequest req, Authentication auth) {
    Path folder = roots.resolve(req.path());
    SnapshotImport.Imported i =
        imports.importFolder(req.tenant() == null ? "" : req.tenant(), folder, actor(auth));
    return ResponseEntity.status(201).body(ImportView.of(i));
  }

  /** A zipped snapshot folder (or its contents) in the multipart part {@code file}. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportView> importZip(
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "tenant", required = false) @Nullable String tenant,
      Authentication auth) {
    return ResponseEntity.status(201)
        .body(ImportView.of(importUploaded(uploads, file, tenant, actor(auth))));
  }

  /** Streams the part to a temporary file, imports it, and removes the temporary file. */
  public static SnapshotImport.Imported importUploaded(
      SnapshotUpload uploads, MultipartFile file, @Nullable String tenant, Actor actor) {
    if (file.isEmpty()) {
      throw new IllegalArgumentException("the part 'file' is empty: send a snapshot zip");
    }
    if (tenant != null && tenant.length() > 200) {
      throw new IllegalArgumentException("tenant must be at most 200 characters");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("least-upload-", ".zip");
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return uploads.importZip(tenant == null ? "" : tenant, tmp, actor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the uploaded archive", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary folder is cleaned by the OS; the import's outcome stands
        }
      }
    }
  }

  private static Actor actor(Authentication auth) {
    return new Actor(auth.getName(), SecurityConfig.role(auth));
  }
}

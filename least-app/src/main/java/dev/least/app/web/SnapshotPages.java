package dev.least.app.web;

import dev.least.app.api.SnapshotController;
import dev.least.app.config.SecurityConfig;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.ImportRoots;
import dev.least.app.workflow.SnapshotArchive;
import dev.least.app.workflow.SnapshotImport;
import dev.least.app.workflow.SnapshotUpload;
import dev.least.app.workflow.TransitionRefused;
import dev.least.connector.snapshot.SnapshotException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Snapshot import: a folder under the import roots, or a zip upload. Each import analyzes the
 * snapshot at once (a new analysis run); the result opens on the overview.
 */
@Controller
public class SnapshotPages {
  private final SnapshotImport imports;
  private final SnapshotUpload uploads;
  private final ImportRoots roots;
  private final SnapshotRepository snapshots;
  private final TenantRepository tenants;

  public SnapshotPages(
      SnapshotImport imports,
      SnapshotUpload uploads,
      ImportRoots roots,
      SnapshotRepository snapshots,
      TenantRepository tenants) {
    this.imports = imports;
    this.uploads = uploads;
    this.roots = roots;
    this.snapshots = snapshots;
    this.tenants = tenants;
  }

  @GetMapping("/snapshots")
  String page(Model model) {
    model.addAttribute("roots", roots.roots());
    model.addAttribute("candidates", roots.candidates());
    model.addAttribute("recent", snapshots.recent(20));
    Map<Long, String> names = new HashMap<>();
    for (Tenant t : tenants.all()) {
      names.put(t.id(), t.name());
    }
    model.addAttribute("tenantNames", names);
    return "snapshots";
  }

  @PostMapping("/snapshots/folder")
  String importFolder(
      @RequestParam String path,
      @RequestParam(required = false) @Nullable String tenant,
      Authentication auth,
      RedirectAttributes flash) {
    return run(
        flash,
        () ->
            imports.importFolder(
                tenant == null ? "" : tenant, roots.resolve(path.trim()), actor(auth)));
  }

  @PostMapping("/snapshots/upload")
  String upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) @Nullable String tenant,
      Authentication auth,
      RedirectAttributes flash) {
    return run(
        flash,
        () ->
            SnapshotController.importUploaded(
                uploads, file, RecommendationPages.blankToNull(tenant), actor(auth)));
  }

  /** Runs an import; success goes to the tenant's overview, a refusal back to this page. */
  private static String run(RedirectAttributes flash, Supplier<SnapshotImport.Imported> importer) {
    try {
      SnapshotImport.Imported i = importer.get();
      flash.addFlashAttribute(
          "notice",
          "Imported snapshot "
              + i.snapshot().id()
              + " and analyzed it: "
              + i.run().recommendations()
              + " recommendation(s)"
              + (i.quarantined() > 0 ? ", " + i.quarantined() + " bad record(s) quarantined" : "")
              + ".");
      flash.addAttribute("tenant", i.tenant().name());
      return "redirect:/";
    } catch (SnapshotArchive.Refused
        | SnapshotException
        | ImportRoots.Refused
        | TransitionRefused
        | IllegalArgumentException e) {
      flash.addFlashAttribute("error", "Import refused: " + e.getMessage());
      return "redirect:/snapshots";
    }
  }

  private static Actor actor(Authentication auth) {
    return new Actor(auth.getName(), SecurityConfig.role(auth));
  }
}

package dev.least.app.web;

import dev.least.app.audit.AuditLog;
import dev.least.app.audit.Verification;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail (newest first) and the result of verifying its hash chain; admins only. */
@Controller
public class AuditPage {
  static final int MAX_ROWS = 1000;

  private final AuditLog audit;

  public AuditPage(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/audit")
  String page(@RequestParam(defaultValue = "200") int rows, Model model) {
    Verification v = audit.verify();
    model.addAttribute("intact", v instanceof Verification.Intact);
    if (v instanceof Verification.Intact i) {
      model.addAttribute("rowCount", i.rows());
    } else if (v instanceof Verification.Broken b) {
      model.addAttribute("brokenSeq", b.seq());
      model.addAttribute("brokenReason", b.reason());
    }
    model.addAttribute("rows", audit.latest(Math.max(1, Math.min(rows, MAX_ROWS))));
    return "audit";
  }
}

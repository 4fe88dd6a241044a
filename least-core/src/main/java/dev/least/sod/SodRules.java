package dev.least.sod;

import dev.least.model.TenantSettings;
import dev.least.model.TenantSettings.SodRule;
import dev.least.model.TenantSettings.SodSide;
import java.util.ArrayList;
import java.util.List;

/**
 * The SoD rule library in force: the tenant's {@code least.yaml} rules plus, unless switched off
 * ({@code thresholds.sodStarterLibrary: 0}), a shipped starter library of common toxic pairs
 * matched by name patterns ({@code *} = any characters, case-insensitive).
 */
public final class SodRules {
  /** The shipped starter library. Ids start with {@code STARTER-}. */
  public static final List<SodRule> STARTER =
      List.of(
          rule(
              "STARTER-AP-01",
              "Vendor master maintenance and payment approval",
              side(List.of("*vendor*maint*", "*vendor*master*", "*supplier*maint*"), List.of()),
              side(List.of("*payment*approv*", "*approve*payment*", "*ap*approv*"), List.of())),
          rule(
              "STARTER-PAY-01",
              "Payroll edit and payroll approval",
              side(List.of("*payroll*edit*", "*payroll*admin*", "*payroll*maint*"), List.of()),
              side(List.of("*payroll*approv*"), List.of())),
          rule(
              "STARTER-IAM-01",
              "Privileged role administration and audit log administration",
              new SodSide(
                  List.of("*privileged*role*admin*"),
                  List.of(),
                  List.of("Privileged Role Administrator")),
              new SodSide(
                  List.of("*audit*log*admin*"),
                  List.of(),
                  List.of("Security Administrator", "Compliance Administrator"))),
          rule(
              "STARTER-GL-01",
              "Journal entry creation and journal approval",
              side(List.of("*journal*entry*", "*journal*create*"), List.of()),
              side(List.of("*journal*approv*"), List.of())));

  private SodRules() {}

  public static List<SodRule> inForce(TenantSettings settings) {
    List<SodRule> out = new ArrayList<>(settings.sod());
    if (settings.thresholds().getInt("sodStarterLibrary", 1) != 0) {
      out.addAll(STARTER);
    }
    return out;
  }

  /** True when the holding's entitlement is named by the side (id, name, alias or pattern). */
  static boolean on(SodSide side, Entitlement e, EntitlementIndex index) {
    List<String> patterns =
        switch (e.kind()) {
          case GROUP -> side.groups();
          case APP -> side.apps();
          case ROLE -> side.roles();
        };
    for (String p : patterns) {
      for (String alias : index.aliases(e)) {
        if (Glob.matches(p, alias)) {
          return true;
        }
      }
    }
    return false;
  }

  private static SodRule rule(String id, String name, SodSide left, SodSide right) {
    return new SodRule(id, name, left, right);
  }

  private static SodSide side(List<String> groups, List<String> roles) {
    return new SodSide(groups, groups, roles);
  }
}

package dev.least.connector.snapshot;

import dev.least.model.TenantSettings;
import dev.least.model.TenantSettings.Guardrails;
import dev.least.model.TenantSettings.SodRule;
import dev.least.model.TenantSettings.SodSide;
import dev.least.model.TenantSettings.Thresholds;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code least.yaml} (YAML; JSON is valid YAML). A file that does not parse, an unknown
 * top-level key or a value of the wrong type is fatal and named with its path: settings guard what
 * may be changed, so a typo must not silently drop a guardrail.
 */
public final class TenantSettingsReader {
  static final String FILE = "least.yaml";
  private static final Set<String> TOP = Set.of("guardrails", "sod", "thresholds");

  private TenantSettingsReader() {}

  public static TenantSettings read(Path root) {
    Path file = root.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return TenantSettings.defaults();
    }
    Object doc;
    try (Reader in = dev.least.connector.json.JsonInput.openText(file)) {
      LoaderOptions opts = new LoaderOptions();
      opts.setAllowDuplicateKeys(false);
      doc = new Yaml(new SafeConstructor(opts)).load(in);
    } catch (MarkedYAMLException e) {
      throw new SnapshotException(
          FILE + ":" + (e.getProblemMark().getLine() + 1), "not valid YAML: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new SnapshotException(FILE, "not valid YAML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SnapshotException(FILE, "cannot read: " + e.getMessage(), e);
    }
    if (doc == null) {
      return TenantSettings.defaults();
    }
    Map<String, Object> top = map(doc, "(document)");
    for (String k : top.keySet()) {
      if (!TOP.contains(k)) {
        throw new SnapshotException(
            FILE, "unknown key '" + k + "' (expected guardrails, sod, thresholds)");
      }
    }
    Map<String, Object> g =
        top.get("guardrails") == null ? Map.of() : map(top.get("guardrails"), "guardrails");
    Guardrails guardrails =
        new Guardrails(
            strings(g.get("protectedUsers"), "guardrails.protectedUsers"),
            strings(g.get("protectedGroups"), "guardrails.protectedGroups"),
            strings(g.get("protectedPolicies"), "guardrails.protectedPolicies"));
    List<SodRule> sod = new ArrayList<>();
    Object rules = top.get("sod");
    if (rules != null) {
      if (!(rules instanceof List<?> list)) {
        throw new SnapshotException(FILE, "sod: expected a list of rules");
      }
      for (int i = 0; i < list.size(); i++) {
        String at = "sod[" + i + "]";
        Map<String, Object> r = map(list.get(i), at);
        String id = string(r.get("id"), at + ".id");
        sod.add(
            new SodRule(
                id,
                r.get("name") == null ? id : string(r.get("name"), at + ".name"),
                side(r.get("left"), at + ".left"),
                side(r.get("right"), at + ".right")));
      }
    }
    Map<String, Double> thresholds = new LinkedHashMap<>();
    Object t = top.get("thresholds");
    if (t != null) {
      for (Map.Entry<String, Object> e : map(t, "thresholds").entrySet()) {
        if (!(e.getValue() instanceof Number n)) {
          throw new SnapshotException(
              FILE,
              "thresholds." + e.getKey() + ": expected a number but was '" + e.getValue() + "'");
        }
        thresholds.put(e.getKey(), n.doubleValue());
      }
    }
    return new TenantSettings(guardrails, sod, new Thresholds(thresholds));
  }

  private static SodSide side(Object o, String at) {
    if (o == null) {
      throw new SnapshotException(FILE, at + ": missing");
    }
    Map<String, Object> m = map(o, at);
    SodSide s =
        new SodSide(
            strings(m.get("groups"), at + ".groups"),
            strings(m.get("apps"), at + ".apps"),
            strings(m.get("roles"), at + ".roles"));
    if (s.groups().isEmpty() && s.apps().isEmpty() && s.roles().isEmpty()) {
      throw new SnapshotException(FILE, at + ": names no groups, apps or roles");
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String at) {
    if (!(o instanceof Map<?, ?>)) {
      throw new SnapshotException(FILE, at + ": expected a mapping");
    }
    return (Map<String, Object>) o;
  }

  private static String string(Object o, String at) {
    if (o == null) {
      throw new SnapshotException(FILE, at + ": missing");
    }
    if (o instanceof Map<?, ?> || o instanceof List<?>) {
      throw new SnapshotException(FILE, at + ": expected a string");
    }
    return o.toString();
  }

  private static List<String> strings(Object o, String at) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?> list)) {
      throw new SnapshotException(FILE, at + ": expected a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(string(list.get(i), at + "[" + i + "]"));
    }
    return out;
  }
}

package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.ClientAppType;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.RiskLevel;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import dev.least.policy.SignInFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One golden-corpus case read from {@code src/test/resources/corpus/entra/*.case} (format in the
 * folder's README).
 */
record CorpusCase(
    String name,
    String file,
    String note,
    String source,
    String row,
    List<NamedLocation> locations,
    List<ConditionalAccessPolicy> policies,
    SignInFacts facts,
    Map<String, String> wantResults,
    Map<String, List<String>> wantRequired,
    @Nullable Decision wantDecision,
    @Nullable String wantStatus,
    List<String> wantProblems,
    ConditionalAccessStatus.Rule statusRule) {
  CorpusCase {
    requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return file + " " + name + " (row " + row + ")";
  }

  static Stream<CorpusCase> all() {
    URL dir = CorpusCase.class.getClassLoader().getResource("corpus/entra");
    requireNonNull(dir, "corpus/entra on the test classpath");
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      List<CorpusCase> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".case")).sorted().toList()) {
        out.addAll(
            parse(f.getFileName().toString(), Files.readAllLines(f, StandardCharsets.UTF_8)));
      }
      return out.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<CorpusCase> parse(String file, List<String> lines) {
    List<CorpusCase> out = new ArrayList<>();
    Builder b = null;
    String block = "";
    Map<String, String> blockFields = new LinkedHashMap<>();
    String blockId = "";
    int n = 0;
    for (String raw : lines) {
      n++;
      if (raw.isBlank() || raw.trim().startsWith("#")) {
        continue;
      }
      boolean indented = raw.startsWith("  ");
      String line = raw.trim();
      int sp = line.indexOf(' ');
      String key = sp < 0 ? line : line.substring(0, sp);
      String value = sp < 0 ? "" : line.substring(sp + 1).trim();
      if (indented) {
        if (block.isEmpty()) {
          throw new IllegalArgumentException(file + ":" + n + " indented line outside a block");
        }
        blockFields.put(key, value);
        continue;
      }
      if (b != null && !block.isEmpty()) {
        b.close(block, blockId, blockFields, file, n);
        block = "";
        blockFields = new LinkedHashMap<>();
      }
      switch (key) {
        case "case" -> b = new Builder(value);
        case "location", "policy", "facts" -> {
          block = key;
          blockId = value;
        }
        case "end" -> {
          out.add(requireNonNull(b, file + ":" + n + " end without case").build(file));
          b = null;
        }
        default ->
            requireNonNull(b, file + ":" + n + " line outside a case").field(key, value, file, n);
      }
    }
    if (b != null) {
      throw new IllegalArgumentException(file + ": case " + b.name + " lacks 'end'");
    }
    return out;
  }

  private static final class Builder {
    final String name;
    String note = "";
    String source = "";
    String row = "";
    final List<NamedLocation> locations = new ArrayList<>();
    final List<ConditionalAccessPolicy> policies = new ArrayList<>();
    SignInFacts facts = FactsBuilder.facts().build();
    final Map<String, String> wantResults = new LinkedHashMap<>();
    final Map<String, List<String>> wantRequired = new LinkedHashMap<>();
    @Nullable Decision wantDecision;
    @Nullable String wantStatus;
    final List<String> wantProblems = new ArrayList<>();
    ConditionalAccessStatus.Rule statusRule = ConditionalAccessStatus.Rule.USER_AND_APP_MATCH;

    Builder(String name) {
      this.name = name;
    }

    void field(String key, String value, String file, int n) {
      switch (key) {
        case "note" -> note = value;
        case "source" -> source = value;
        case "row" -> row = value;
        case "want_result" -> {
          String[] kv = value.split(" ", 2);
          wantResults.put(kv[0], kv[1]);
        }
        case "want_required" -> {
          String[] kv = value.split(" ", 2);
          wantRequired.put(kv[0], kv[1].equals("-") ? List.of() : List.of(kv[1].split(",")));
        }
        case "want_decision" -> wantDecision = Decision.valueOf(value);
        case "want_status" -> wantStatus = value;
        case "want_problem" -> wantProblems.add(value);
        case "status_rule" ->
            statusRule =
                value.equals("anyEnforcedSuccess")
                    ? ConditionalAccessStatus.Rule.ANY_ENFORCED_SUCCESS
                    : ConditionalAccessStatus.Rule.USER_AND_APP_MATCH;
        default -> throw new IllegalArgumentException(file + ":" + n + " unknown key " + key);
      }
    }

    void close(String block, String id, Map<String, String> f, String file, int n) {
      switch (block) {
        case "location" -> locations.add(location(id, f));
        case "policy" -> policies.add(policy(id, f, file, n));
        case "facts" -> facts = facts(f, file, n);
        default -> throw new IllegalStateException(block);
      }
    }

    CorpusCase build(String file) {
      return new CorpusCase(
          name,
          file,
          note,
          source,
          row,
          locations,
          policies,
          facts,
          wantResults,
          wantRequired,
          wantDecision,
          wantStatus,
          wantProblems,
          statusRule);
    }
  }

  private static List<String> list(String v) {
    if (v.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::trim).toList();
  }

  private static @Nullable String str(String v) {
    if (v.equals("null")) {
      return null;
    }
    return v.equals("\"\"") ? "" : v;
  }

  private static TriState tri(String v) {
    return switch (v) {
      case "true" -> TriState.TRUE;
      case "false" -> TriState.FALSE;
      default -> TriState.UNKNOWN;
    };
  }

  private static NamedLocation location(String id, Map<String, String> f) {
    LocationKind kind =
        f.getOrDefault("kind", "ip").equals("country") ? LocationKind.COUNTRY : LocationKind.IP;
    return new NamedLocation(
        new LocationId(id),
        Source.ENTRA,
        id,
        kind,
        f.getOrDefault("trusted", "false").equals("true"),
        list(f.getOrDefault("ranges", "")),
        list(f.getOrDefault("countries", "")),
        f.getOrDefault("includeUnknown", "false").equals("true"),
        false,
        true);
  }

  private static ConditionalAccessPolicy policy(
      String id, Map<String, String> f, String file, int n) {
    PolicyBuilder p = PolicyBuilder.policy(id);
    String operator = "AND";
    List<String> controls = List.of();
    List<String> terms = List.of();
    String strength = null;
    boolean grant = false;
    for (Map.Entry<String, String> e : f.entrySet()) {
      String v = e.getValue();
      String[] l = list(v).toArray(new String[0]);
      switch (e.getKey()) {
        case "state" -> p.state(PolicyState.parse(v));
        case "includeUsers" -> p.includeUsers(l);
        case "excludeUsers" -> p.excludeUsers(l);
        case "includeGroups" -> p.includeGroups(l);
        case "excludeGroups" -> p.excludeGroups(l);
        case "includeRoles" -> p.includeRoles(l);
        case "excludeRoles" -> p.excludeRoles(l);
        case "includeGuestTypes" -> p.includeGuestTypes(v);
        case "excludeGuestTypes" -> p.excludeGuestTypes(v);
        case "includeApps" -> p.includeApps(l);
        case "excludeApps" -> p.excludeApps(l);
        case "userActions" -> p.userActions(l);
        case "authContexts" -> p.authContexts(l);
        case "clientAppTypes" -> p.clientAppTypes(l);
        case "includePlatforms" -> p.includePlatforms(l);
        case "excludePlatforms" -> p.excludePlatforms(l);
        case "includeLocations" -> p.includeLocations(l);
        case "excludeLocations" -> p.excludeLocations(l);
        case "signInRisk" -> p.signInRisk(l);
        case "userRisk" -> p.userRisk(l);
        case "deviceFilter" -> {
          String[] mr = v.split(" ", 2);
          p.deviceFilter(mr[0], mr[1]);
        }
        case "grant" -> {
          String[] oc = v.split(" ", 2);
          operator = oc[0];
          controls = list(oc.length > 1 ? oc[1] : "");
          grant = true;
        }
        case "termsOfUse" -> {
          terms = list(v);
          grant = true;
        }
        case "strength" -> {
          strength = v;
          grant = true;
        }
        case "signInFrequencyHours" -> p.signInFrequencyHours(Integer.parseInt(v));
        case "unknownValues" -> p.unknownValues(l);
        default ->
            throw new IllegalArgumentException(
                file + ":" + n + " unknown policy key " + e.getKey());
      }
    }
    if (grant) {
      p.grantFull(operator, controls, terms, strength);
    }
    return p.build();
  }

  private static SignInFacts facts(Map<String, String> f, String file, int n) {
    FactsBuilder b = FactsBuilder.facts();
    for (Map.Entry<String, String> e : f.entrySet()) {
      String v = e.getValue();
      String[] l = list(v).toArray(new String[0]);
      switch (e.getKey()) {
        case "account" -> b.account(v);
        case "servicePrincipal" -> b.servicePrincipal();
        case "guest" -> b.guest(v.equals("true"));
        case "groups" -> b.groups(l);
        case "roles" -> b.roles(l);
        case "app" -> b.app(str(v));
        case "audiences" -> b.audiences(l);
        case "client" ->
            b.client(
                switch (v) {
                  case "browser" -> ClientAppType.BROWSER;
                  case "mobile" -> ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS;
                  case "eas" -> ClientAppType.EXCHANGE_ACTIVE_SYNC;
                  case "other" -> ClientAppType.OTHER;
                  default -> ClientAppType.UNKNOWN;
                });
        case "clientAppUsed" -> b.client(ClientAppType.fromClientAppUsed(v));
        case "platform" -> b.platform(str(v));
        case "ip" -> b.ip(str(v));
        case "country" -> b.country(str(v));
        case "signInRisk" -> b.signInRisk(RiskLevel.parse(v));
        case "userRisk" -> b.userRisk(RiskLevel.parse(v));
        case "compliant" -> b.compliant(tri(v));
        case "managed" -> b.managed(tri(v));
        case "mfa" -> b.mfa(tri(v));
        case "unregistered" -> b.unregisteredDevice();
        case "deviceId" -> b.deviceId(str(v));
        case "trustType" -> b.trustType(str(v));
        case "os" -> b.operatingSystem(str(v));
        case "userAction" -> b.userAction(str(v));
        case "authContexts" -> b.authContexts(l);
        default ->
            throw new IllegalArgumentException(
                file + ":" + n + " unknown facts key " + e.getKey().toLowerCase(Locale.ROOT));
      }
    }
    return b.build();
  }
}

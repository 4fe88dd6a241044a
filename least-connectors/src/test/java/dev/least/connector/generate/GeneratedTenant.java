package dev.least.connector.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A generated tenant in a temporary folder, with readers for the tests. */
record GeneratedTenant(Path dir, GenerationResult result) {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static GeneratedTenant generate(Path parent, GeneratorOptions o) {
    Path snap = parent.resolve("snapshot");
    GenerationResult r =
        new TenantGenerator(new VendorPolicyEngines(), s -> {})
            .generate(o, snap, parent.resolve("truth.json"));
    return new GeneratedTenant(parent, r);
  }

  Path snapshot() {
    return dir.resolve("snapshot");
  }

  JsonNode json(String relative) {
    try {
      return JSON.readTree(Files.readString(snapshot().resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode truth() {
    try {
      return JSON.readTree(Files.readString(dir.resolve("truth.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> lines(String relative) {
    Path f = snapshot().resolve(relative);
    if (!Files.exists(f)) {
      return List.of();
    }
    try (Stream<String> s = Files.lines(f, StandardCharsets.UTF_8)) {
      return s.filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under the folder (snapshot and truth), relative path to SHA-256. */
  Map<String, String> hashes() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        out.put(
            dir.relativize(f).toString(),
            HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The scenarios of one type and platform in truth.json. */
  List<JsonNode> scenarios(String type, String platform) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : truth().get("scenarios")) {
      if (s.get("type").asString().equals(type) && s.get("platform").asString().equals(platform)) {
        out.add(s);
      }
    }
    return out;
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

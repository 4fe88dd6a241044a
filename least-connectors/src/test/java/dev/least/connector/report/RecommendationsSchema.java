package dev.least.connector.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The contract's JSON Schema, loaded from ../shared/contracts. */
public final class RecommendationsSchema {
  private static final ObjectMapper JACKSON2 = new ObjectMapper();

  private RecommendationsSchema() {}

  public static Path shared() {
    return Path.of(System.getProperty("least.shared", "../shared"));
  }

  /** Validation messages for {@code json}; empty when valid. */
  public static Set<ValidationMessage> validate(String json) {
    try {
      Path schemaFile = shared().resolve("contracts/recommendations.schema.json");
      JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
      JsonSchema schema = f.getSchema(JACKSON2.readTree(Files.readString(schemaFile)));
      return schema.validate(JACKSON2.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

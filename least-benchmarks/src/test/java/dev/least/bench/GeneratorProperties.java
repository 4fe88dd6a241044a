package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeneratorProperties {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Property(tries = 50)
  void entraTimestampParsesBackToTheSameMillisecond(
      @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis,
      @ForAll @IntRange(min = 0, max = 9999) int sub) {
    String text = Timestamps.entra(millis, sub);

    assertThat(text).hasSize(28);
    assertThat(Instant.parse(text).truncatedTo(ChronoUnit.MILLIS))
        .isEqualTo(Instant.ofEpochMilli(millis));
    assertThat(Instant.parse(Timestamps.okta(millis))).isEqualTo(Instant.ofEpochMilli(millis));
  }

  @Property(tries = 30)
  void everyGeneratedEventIsOneJsonObjectWithItsVendorId(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int users) {
    SyntheticTenant tenant = SyntheticTenant.create(seed, users);
    SplittableRandom r = new SplittableRandom(seed);

    JsonNode entra = MAPPER.readTree(render(g -> new EntraSignInWriter(tenant).write(g, r, 0L)));
    JsonNode okta = MAPPER.readTree(render(g -> new OktaLogEventWriter(tenant).write(g, r, 0L)));

    assertThat(entra.get("id").asString()).hasSize(36);
    assertThat(entra.get("appliedConditionalAccessPolicies").size()).isBetween(8, 15);
    assertThat(tenant.users().stream().map(SyntheticTenant.User::entraId))
        .contains(entra.get("userId").asString());
    assertThat(okta.get("uuid").asString()).hasSize(36);
    assertThat(tenant.users().stream().map(SyntheticTenant.User::oktaId))
        .contains(okta.get("actor").get("id").asString());
  }

  private interface Body {
    void write(JsonGenerator g);
  }

  private static String render(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      body.write(g);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

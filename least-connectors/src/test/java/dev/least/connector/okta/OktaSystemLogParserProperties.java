package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.json.BadRecordException;
import dev.least.connector.json.JsonInput;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JsonParser;

/** Invariants of the System Log event walk. */
class OktaSystemLogParserProperties {
  private static final List<String> FIELDS =
      List.of(
          "\"uuid\":\"dc9fd3c0-598c-11ef-8478-2b7584bf8d5a\"",
          "\"published\":\"2024-08-13T15:58:20.353Z\"",
          "\"eventType\":\"user.authentication.sso\"",
          "\"actor\":{\"id\":\"00u1\",\"type\":\"User\",\"alternateId\":\"a@example.com\"}",
          "\"client\":{\"zone\":\"null\",\"ipAddress\":\"10.0.0.1\",\"geographicalContext\":"
              + "{\"city\":\"Oslo\",\"country\":\"Norway\",\"postalCode\":150}}",
          "\"outcome\":{\"result\":\"FAILURE\",\"reason\":null}",
          "\"target\":[{\"id\":\"0oa1\",\"type\":\"AppInstance\",\"displayName\":\"Wiki\"}]",
          "\"securityContext\":{\"risk\":{\"level\":\"MEDIUM\"}}",
          "\"request\":{\"ipChain\":[{\"ip\":\"10.0.0.1\"}]}",
          "\"p_log_type\":\"Okta.SystemLog\"");

  @Provide
  Arbitrary<List<String>> fieldOrders() {
    return Arbitraries.shuffle(FIELDS);
  }

  private static List<SignInEvent> parse(String json) {
    SignInLog.Builder out = SignInLog.builder();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try (JsonParser p = JsonInput.parser(bytes, 0, bytes.length)) {
      p.nextToken();
      new OktaSystemLogParser(Map.of()).parse(dev.least.connector.json.JsonCursor.of(p), out, true);
    }
    return out.build().stream().toList();
  }

  @Property
  void fieldOrderDoesNotChangeTheEvent(@ForAll("fieldOrders") List<String> order) {
    SignInEvent reference = parse("{" + String.join(",", FIELDS) + "}").get(0);

    assertThat(parse("{" + String.join(",", order) + "}")).containsExactly(reference);
  }

  @Property
  void droppingARequiredFieldQuarantinesNamingIt(@ForAll("fieldOrders") List<String> order) {
    List<String> without = new ArrayList<>(order);
    String dropped = without.get(0);
    without.remove(0);
    String json = "{" + String.join(",", without) + "}";
    String name = dropped.substring(1, dropped.indexOf('"', 1));

    if (List.of("uuid", "published").contains(name)) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  BadRecordException.class, () -> parse(json)))
          .hasMessage(name + ": missing");
    } else if (name.equals("actor")) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  BadRecordException.class, () -> parse(json)))
          .hasMessage("actor.id: missing");
    } else if (name.equals("eventType")) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  BadRecordException.class, () -> parse(json)))
          .hasMessage("eventType: missing");
    } else {
      assertThat(parse(json)).hasSize(1);
    }
  }
}

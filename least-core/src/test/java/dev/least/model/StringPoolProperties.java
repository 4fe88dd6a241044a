package dev.least.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class StringPoolProperties {

  @Property
  void internWhenAnyStringsThenDenseFirstSeenCodesAndRoundTrip(
      @ForAll @Size(max = 3000) List<@StringLength(max = 6) String> input) {
    StringPool pool = new StringPool();
    Map<String, Integer> expected = new LinkedHashMap<>();
    List<Integer> codes = new ArrayList<>();
    for (String s : input) {
      expected.putIfAbsent(s, expected.size());
      codes.add(pool.intern(s));
    }
    for (int i = 0; i < input.size(); i++) {
      assertThat(codes.get(i)).isEqualTo(expected.get(input.get(i)));
    }
    assertThat(pool.size()).isEqualTo(expected.size());
    expected.forEach(
        (s, code) -> {
          assertThat(pool.get(code)).isEqualTo(s);
          assertThat(pool.codeOf(s)).isEqualTo(code);
        });
    assertThat(pool.codeOf("\u0000never-interned")).isEqualTo(-1);
  }

  @Property
  void internWhenNullThenMinusOneAndNothingAdded(@ForAll @StringLength(max = 5) String s) {
    StringPool pool = new StringPool();
    pool.intern(s);
    assertThat(pool.intern(null)).isEqualTo(-1);
    assertThat(pool.get(-1)).isNull();
    assertThat(pool.size()).isEqualTo(1);
  }
}

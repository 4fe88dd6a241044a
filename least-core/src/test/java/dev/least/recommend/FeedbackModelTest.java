package dev.least.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.least.recommend.FeedbackModel.Adjustment;
import dev.least.recommend.FeedbackModel.Feedback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackModelTest {
  static Feedback f(String type, String kind, String name, FeedbackReason r) {
    return new Feedback(type, kind, name, r);
  }

  static List<Feedback> times(int n, Feedback f) {
    return new ArrayList<>(Collections.nCopies(n, f));
  }

  @Test
  void adjustWhenNoHistoryThenConfidenceUnchanged() {
    Adjustment a = FeedbackModel.fit(List.of()).adjust("stale_account", "user", "a@x.com", 0.8);
    assertThat(a.adjusted()).isEqualTo(0.8);
    assertThat(a.shift()).isZero();
    assertThat(a.explanation()).contains("no earlier decisions").contains("0.80 unchanged");
  }

  @Test
  void adjustWhenTwoRejectionsOnThePatternThenWorkedExampleFromTheDocs() {
    // type rate (2+0)/(2+2+0+2) = 1/3; pattern rate (4 * 1/3 + 0)/(4 + 2) = 2/9;
    // shift logit(2/9) - logit(1/2) = ln(2/7) = -1.2528; 0.8 -> sigmoid(ln 4 - 1.2528) = 0.5333
    FeedbackModel m =
        FeedbackModel.fit(
            times(
                2,
                f("remove_unused_access", "group", "Finance-AP", FeedbackReason.FALSE_POSITIVE)));
    Adjustment a = m.adjust("remove_unused_access", "group", "finance-payroll", 0.8);
    assertThat(a.pattern()).isEqualTo("group:finance*");
    assertThat(a.typeRate()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(a.patternRate()).isCloseTo(2.0 / 9, within(1e-9));
    assertThat(a.shift()).isCloseTo(Math.log(2.0 / 7), within(1e-9));
    assertThat(a.adjusted()).isCloseTo(0.5333, within(1e-4));
    assertThat(a.original()).isEqualTo(0.8);
    assertThat(a.bounded()).isFalse();
    assertThat(a.patternReasons()).containsEntry("false_positive", 2);
    assertThat(a.explanation()).contains("0 accepted, 2 rejected").contains("0.80 -> 0.53");
  }

  @Test
  void adjustWhenRejectedOnOnePatternThenThatPatternDropsMoreThanSiblingsOfTheType() {
    FeedbackModel m =
        FeedbackModel.fit(
            times(
                6, f("remove_unused_access", "group", "Sales EMEA", FeedbackReason.BUSINESS_NEED)));
    double sales = m.adjust("remove_unused_access", "group", "Sales APAC", 0.7).adjusted();
    double finance = m.adjust("remove_unused_access", "group", "Finance", 0.7).adjusted();
    double otherType = m.adjust("stale_account", "group", "Sales APAC", 0.7).adjusted();
    assertThat(sales).isLessThan(finance);
    // shrinkage: the sibling pattern follows its type's rate, so it drops too, but less
    assertThat(finance).isLessThan(0.7);
    assertThat(otherType).isEqualTo(0.7);
  }

  @Test
  void adjustWhenAcceptedThenConfidenceRises() {
    FeedbackModel m =
        FeedbackModel.fit(
            times(5, f("stale_account", "user", "a@contoso.com", FeedbackReason.ACCEPTED)));
    Adjustment a = m.adjust("stale_account", "user", "b@contoso.com", 0.6);
    assertThat(a.pattern()).isEqualTo("user:@contoso.com");
    assertThat(a.adjusted()).isGreaterThan(0.6).isLessThan(1.0);
    assertThat(a.shift()).isPositive();
  }

  @Test
  void adjustWhenManyRejectionsThenShiftBoundedAtMaxShift() {
    FeedbackModel m =
        FeedbackModel.fit(
            times(200, f("sod_conflict", "user", "x@y.z", FeedbackReason.FALSE_POSITIVE)));
    Adjustment a = m.adjust("sod_conflict", "user", "x@y.z", 0.9);
    assertThat(a.bounded()).isTrue();
    assertThat(a.shift()).isEqualTo(-1.5);
    // logit(0.9) = 2.1972; 2.1972 - 1.5 = 0.6972 -> 0.6676
    assertThat(a.adjusted()).isCloseTo(0.6676, within(1e-4));
    assertThat(a.explanation()).contains("(bounded)");
  }

  @Test
  void fitWhenAlreadyHandledThenCountsAsNothingAndBusinessNeedAsHalf() {
    FeedbackModel handled =
        FeedbackModel.fit(times(10, f("t", "group", "g", FeedbackReason.ALREADY_HANDLED)));
    assertThat(handled.adjust("t", "group", "g", 0.8).adjusted()).isEqualTo(0.8);
    Adjustment half =
        FeedbackModel.fit(times(2, f("t", "group", "g", FeedbackReason.BUSINESS_NEED)))
            .adjust("t", "group", "g", 0.8);
    Adjustment one =
        FeedbackModel.fit(times(1, f("t", "group", "g", FeedbackReason.FALSE_POSITIVE)))
            .adjust("t", "group", "g", 0.8);
    assertThat(half.typeRejections()).isEqualTo(1.0);
    assertThat(half.adjusted()).isCloseTo(one.adjusted(), within(1e-12));
  }

  @Test
  void patternWhenNamesOfEachShapeThenKindAndFirstTokenOrDomain() {
    assertThat(FeedbackModel.pattern("group", "Finance-AP-Clerks")).isEqualTo("group:finance*");
    assertThat(FeedbackModel.pattern("group", "Finance")).isEqualTo("group:finance");
    assertThat(FeedbackModel.pattern("user", "Ada.Lovelace@Contoso.com"))
        .isEqualTo("user:@contoso.com");
    assertThat(FeedbackModel.pattern("policy", "CA001 Require MFA")).isEqualTo("policy:ca001*");
    assertThat(FeedbackModel.pattern("app", null)).isEqualTo("app:*");
    assertThat(FeedbackModel.pattern("app", "  ")).isEqualTo("app:*");
  }

  @Test
  void rankScoreWhenRiskHigherThenWeightedMore() {
    assertThat(FeedbackModel.rankScore(0.5, Risk.LOW)).isEqualTo(0.5);
    assertThat(FeedbackModel.rankScore(0.5, Risk.MEDIUM)).isEqualTo(1.0);
    assertThat(FeedbackModel.rankScore(0.5, Risk.HIGH)).isEqualTo(1.5);
  }

  @Test
  void adjustWhenConfidenceOutOfRangeThenRefusedNamingTheValue() {
    assertThatThrownBy(() -> FeedbackModel.fit(List.of()).adjust("t", "user", null, 1.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.2");
  }

  @Test
  void reasonWhenWireUnknownThenRefusedAndBlankIsTheFallback() {
    assertThat(FeedbackReason.fromWire(null, FeedbackReason.UNSPECIFIED))
        .isEqualTo(FeedbackReason.UNSPECIFIED);
    assertThat(FeedbackReason.fromWire("business_need", FeedbackReason.UNSPECIFIED))
        .isEqualTo(FeedbackReason.BUSINESS_NEED);
    assertThatThrownBy(() -> FeedbackReason.fromWire("meh", FeedbackReason.UNSPECIFIED))
        .hasMessageContaining("'meh'");
  }
}

package ru.utility.ledger.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingPeriodTest {

    @Test
    void parsesAndPrintsYearMonth() {
        BillingPeriod period = BillingPeriod.parse("2026-10");

        assertThat(period.value()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(period).hasToString("2026-10");
        assertThat(BillingPeriod.of("2000-01")).isEqualTo(new BillingPeriod(YearMonth.of(2000, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-1", "2026-13", "2026-00", "26-10", "2026/10", "2026-10-01", "+2026-10", "", "2026-1O"})
    void rejectsAnythingButYyyyMm(String text) {
        assertThatThrownBy(() -> BillingPeriod.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be YYYY-MM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12", "2100-01", "0226-10"})
    void rejectsYearsOutsideTheCentury(String text) {
        assertThatThrownBy(() -> BillingPeriod.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be between 2000-01 and 2099-12");
    }

    @Test
    void derivesFromADate() {
        assertThat(BillingPeriod.of(LocalDate.of(2026, 2, 28))).isEqualTo(BillingPeriod.parse("2026-02"));
        assertThat(BillingPeriod.parse("2026-02").firstDay()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void nextCrossesTheYear() {
        assertThat(BillingPeriod.parse("2026-12").next()).isEqualTo(BillingPeriod.parse("2027-01"));
        assertThatThrownBy(() -> BillingPeriod.parse("2099-12").next()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersChronologically() {
        BillingPeriod oct = BillingPeriod.parse("2026-10");
        BillingPeriod jan = BillingPeriod.parse("2027-01");

        assertThat(oct).isLessThan(jan);
        assertThat(oct.isBefore(jan)).isTrue();
        assertThat(jan.isAfter(oct)).isTrue();
        assertThat(oct.isAfter(oct)).isFalse();
    }
}

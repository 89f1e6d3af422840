package ru.utility.ledger.core.rules.penalty;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped key-rate table as reviewed in November 2026 (docs/contributing/architecture.md, "Key-rate data"). */
class KeyRateDataTest {

    private static final PenaltyRules SHIPPED = PenaltyRules.shipped();

    @Test
    void everyRowSaysWhatTheReviewConfirmed() {
        assertThat(SHIPPED.keyRates()).allSatisfy(rate -> assertThat(rate.source())
                .startsWith("Bank of Russia").containsPattern("\\[(.*verified.*)]"));
    }

    @Test
    void theDecisionsMissingFromTheTypedTableAreThere() {
        assertThat(keyRateOn(LocalDate.of(2025, 12, 21))).isEqualByComparingTo("16.50");
        assertThat(keyRateOn(LocalDate.of(2025, 12, 22))).isEqualByComparingTo("16.00");
        assertThat(keyRateOn(LocalDate.of(2026, 2, 16))).isEqualByComparingTo("15.50");
    }

    @Test
    void verifiedRowsHoldTheirPublishedRates() {
        assertThat(keyRateOn(LocalDate.of(2022, 2, 28))).isEqualByComparingTo("20.00");
        assertThat(keyRateOn(LocalDate.of(2023, 8, 15))).isEqualByComparingTo("12.00");
        assertThat(keyRateOn(LocalDate.of(2024, 10, 28))).isEqualByComparingTo("21.00");
        assertThat(keyRateOn(LocalDate.of(2024, 10, 27))).isEqualByComparingTo("19.00");
        assertThat(keyRateOn(LocalDate.of(2020, 6, 22))).isEqualByComparingTo("4.50");
    }

    private static java.math.BigDecimal keyRateOn(LocalDate day) {
        return SHIPPED.keyRates().stream().filter(k -> !k.effectiveFrom().isAfter(day))
                .reduce((a, b) -> b).orElseThrow().percent();
    }
}

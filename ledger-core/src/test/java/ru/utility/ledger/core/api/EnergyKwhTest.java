package ru.utility.ledger.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnergyKwhTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "120", "120.5", "120.500", "0.001", "1000000000", "1000000000.000"})
    void keepsTheTextAsGiven(String text) {
        assertThat(EnergyKwh.parse(text)).hasToString(text);
    }

    @Test
    void rejectsMoreThanThreeDecimals() {
        assertThatThrownBy(() -> EnergyKwh.parse("1.0000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must have at most 3 decimal places");
    }

    @Test
    void rejectsMoreThanOneBillion() {
        assertThatThrownBy(() -> EnergyKwh.parse("1000000000.001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must not exceed 1000000000");
    }

    @Test
    void rejectsNegative() {
        assertThatThrownBy(() -> new EnergyKwh(new BigDecimal("-0.001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1e3", "1.", ".5", "1,5", "", " 1", "abc"})
    void rejectsGarbage(String text) {
        assertThatThrownBy(() -> EnergyKwh.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesANegativeScale() {
        assertThat(new EnergyKwh(new BigDecimal("1E+3"))).hasToString("1000");
    }

    @Test
    void equalityKeepsScaleButQuantityComparisonDoesNot() {
        EnergyKwh a = EnergyKwh.parse("120.5");
        EnergyKwh b = EnergyKwh.parse("120.50");

        assertThat(a).isNotEqualTo(b);
        assertThat(a.hasSameQuantityAs(b)).isTrue();
        assertThat(a.hasSameQuantityAs(EnergyKwh.parse("120.6"))).isFalse();
        assertThat(a.hasSameQuantityAs(null)).isFalse();
    }
}

package ru.utility.ledger.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "1234.50, 123450, 1234.50",
            "1234.5, 123450, 1234.50",
            "1234, 123400, 1234.00",
            "0, 0, 0.00",
            "-0, 0, 0.00",
            "0.05, 5, 0.05",
            "-0.05, -5, -0.05",
            "-12.3, -1230, -12.30",
            "007.10, 710, 7.10",
            "92233720368547758.07, 9223372036854775807, 92233720368547758.07",
            "-92233720368547758.08, -9223372036854775808, -92233720368547758.08"})
    void parsesStrictDecimalsAndPrintsTwoPlaces(String text, long kopecks, String printed) {
        Money money = Money.parse(text);

        assertThat(money.kopecks()).isEqualTo(kopecks);
        assertThat(money.toDecimalString()).isEqualTo(printed);
        assertThat(money).hasToString(printed);
    }

    @Test
    void rejectsMoreThanTwoDecimalPlacesWithAReason() {
        assertThatThrownBy(() -> Money.parse("1.005"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must have at most 2 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,50", "1.", ".5", "+1.00", " 1.00", "1.00 ", "1e3", "--1", "1.0.0", "١٢"})
    void rejectsGarbage(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be a decimal number such as 1234.50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsBlank(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"92233720368547758.08", "-92233720368547758.09", "99999999999999999999"})
    void rejectsAmountsBeyondLong(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("is out of range");
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.parse("10.10");
        Money b = Money.parse("0.20");

        assertThat(a.plus(b)).isEqualTo(Money.parse("10.30"));
        assertThat(b.minus(a)).isEqualTo(Money.parse("-9.90"));
        assertThat(a.negate()).isEqualTo(Money.ofKopecks(-1010));
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        Money max = Money.ofKopecks(Long.MAX_VALUE);
        Money min = Money.ofKopecks(Long.MIN_VALUE);

        assertThatThrownBy(() -> max.plus(Money.ofKopecks(1))).isInstanceOf(ArithmeticException.class).hasMessage("money overflow");
        assertThatThrownBy(() -> min.minus(Money.ofKopecks(1))).isInstanceOf(ArithmeticException.class).hasMessage("money overflow");
        assertThatThrownBy(min::negate).isInstanceOf(ArithmeticException.class).hasMessage("money overflow");
    }

    @Test
    void signPredicates() {
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ZERO.isNegative()).isFalse();
        assertThat(Money.ofKopecks(1).isPositive()).isTrue();
        assertThat(Money.ofKopecks(-1).isNegative()).isTrue();
    }

    @Test
    void ordersByAmount() {
        assertThat(Money.parse("-1.00")).isLessThan(Money.ZERO);
        assertThat(Money.parse("0.01")).isGreaterThan(Money.ZERO);
        assertThat(Money.parse("2.50").compareTo(Money.parse("2.5"))).isZero();
    }

    @Test
    void positiveInputIsBetweenOneKopeckAndOneBillionRoubles() {
        assertThat(Money.parse("0.01").requirePositiveInput()).isEqualTo(Money.ofKopecks(1));
        assertThat(Money.parse("1000000000.00").requirePositiveInput().kopecks()).isEqualTo(Money.MAX_INPUT_KOPECKS);

        assertThatThrownBy(() -> Money.ZERO.requirePositiveInput())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be greater than 0.00");
        assertThatThrownBy(() -> Money.parse("-5.00").requirePositiveInput())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be greater than 0.00");
        assertThatThrownBy(() -> Money.parse("1000000000.01").requirePositiveInput())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must not exceed 1000000000.00");
    }
}

package ru.utility.ledger.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"ACC1", "ACC-0001", "77-001-123456", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void acceptsAccountIds(String value) {
        assertThat(AccountId.of(value).value()).isEqualTo(value);
        assertThat(AccountId.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ACC", "acc-0001", "ACC 0001", "ACC_0001", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "АСС-0001"})
    void rejectsAccountIds(String value) {
        assertThatThrownBy(() -> AccountId.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be 4-32 characters of A-Z, 0-9 and '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "SBER:2026-10-01/000123", "web.pay_42", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void acceptsPaymentIds(String value) {
        assertThat(PaymentId.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "ünïcode"})
    void rejectsPaymentIds(String value) {
        assertThatThrownBy(() -> PaymentId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTooLongPaymentIds() {
        assertThatThrownBy(() -> PaymentId.of("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c", "ENERGY-2026-10", "ADJ:2026.10_1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void acceptsChargeIds(String value) {
        assertThat(ChargeId.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with/slash", "with space"})
    void rejectsChargeIds(String value) {
        assertThatThrownBy(() -> ChargeId.of(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChargeId.of("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void energyChargeIdIsDerivedFromThePeriod() {
        assertThat(ChargeId.energyFor(BillingPeriod.parse("2026-10"))).isEqualTo(ChargeId.of("ENERGY-2026-10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "09", "10", "77", "99"})
    void acceptsRegionCodes(String value) {
        assertThat(RegionCode.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "1", "100", "7a", " 77", ""})
    void rejectsRegionCodes(String value) {
        assertThatThrownBy(() -> RegionCode.of(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must be two digits from 01 to 99");
    }

    @Test
    void nullIsRejectedEverywhere() {
        assertThatThrownBy(() -> AccountId.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentId.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChargeId.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegionCode.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BillingPeriod.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EnergyKwh.parse(null)).isInstanceOf(NullPointerException.class);
    }
}

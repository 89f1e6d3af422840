package ru.utility.ledger.core.api.account;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandsTest {

    private static final AccountId ACCOUNT = AccountId.of("ACC-0001");
    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    private static final Money AMOUNT = Money.parse("100.00");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void openAccountTrimsTheHolderName() {
        OpenAccount command = new OpenAccount(ACCOUNT, "  Ivanova Maria\t", RegionCode.of("77"), DAY);

        assertThat(command.holderName()).isEqualTo("Ivanova Maria");
    }

    @Test
    void openAccountChecksItsFields() {
        RegionCode region = RegionCode.of("77");
        assertThatThrownBy(() -> new OpenAccount(null, "X", region, DAY)).isInstanceOf(NullPointerException.class).hasMessageContaining("accountId");
        assertThatThrownBy(() -> new OpenAccount(ACCOUNT, null, region, DAY)).isInstanceOf(NullPointerException.class).hasMessageContaining("holderName");
        assertThatThrownBy(() -> new OpenAccount(ACCOUNT, "  ", region, DAY)).isInstanceOf(IllegalArgumentException.class).hasMessage("holderName must not be blank");
        assertThatThrownBy(() -> new OpenAccount(ACCOUNT, "x".repeat(201), region, DAY)).isInstanceOf(IllegalArgumentException.class).hasMessage("holderName must be at most 200 characters");
        assertThatThrownBy(() -> new OpenAccount(ACCOUNT, "X", null, DAY)).isInstanceOf(NullPointerException.class).hasMessageContaining("regionCode");
        assertThatThrownBy(() -> new OpenAccount(ACCOUNT, "X", region, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("openedOn");
        assertThatThrownBy(() -> new OpenAccount(ACCOUNT, "X", region, LocalDate.of(1999, 12, 31))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openedOn");
        assertThat(new OpenAccount(ACCOUNT, "x".repeat(200), region, DAY).holderName()).hasSize(200);
    }

    @Test
    void postChargeFillsInTheDefaults() {
        PostCharge command = new PostCharge(ACCOUNT, null, OCTOBER, AMOUNT, null, "   ");

        assertThat(command.chargeId()).isEqualTo(ChargeId.of("ENERGY-2026-10"));
        assertThat(command.description()).isEqualTo("Electricity for 2026-10");
        assertThat(command.kwh()).isNull();
        assertThat(new PostCharge(ACCOUNT, null, OCTOBER, AMOUNT, null, null).description()).isEqualTo("Electricity for 2026-10");
    }

    @Test
    void postChargeKeepsWhatIsGiven() {
        PostCharge command = new PostCharge(ACCOUNT, ChargeId.of("ADJ-1"), OCTOBER, AMOUNT, null, " Recalculation ");

        assertThat(command.chargeId()).isEqualTo(ChargeId.of("ADJ-1"));
        assertThat(command.description()).isEqualTo("Recalculation");
    }

    @Test
    void postChargeChecksItsFields() {
        assertThatThrownBy(() -> new PostCharge(null, null, OCTOBER, AMOUNT, null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("accountId");
        assertThatThrownBy(() -> new PostCharge(ACCOUNT, null, null, AMOUNT, null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("billingPeriod");
        assertThatThrownBy(() -> new PostCharge(ACCOUNT, null, OCTOBER, null, null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> new PostCharge(ACCOUNT, null, OCTOBER, Money.ZERO, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessage("amount must be greater than 0.00");
        assertThatThrownBy(() -> new PostCharge(ACCOUNT, null, OCTOBER, Money.parse("1000000000.01"), null, null)).isInstanceOf(IllegalArgumentException.class).hasMessage("amount must not exceed 1000000000.00");
        assertThatThrownBy(() -> new PostCharge(ACCOUNT, null, OCTOBER, AMOUNT, null, "d".repeat(501))).isInstanceOf(IllegalArgumentException.class).hasMessage("description must be at most 500 characters");
    }

    @Test
    void recordPaymentChecksItsFields() {
        PaymentId id = PaymentId.of("P-1");
        PaymentChannel web = PaymentChannel.WEB_CABINET;
        assertThat(new RecordPayment(ACCOUNT, id, AMOUNT, web, DAY, null).billingPeriod()).isNull();
        assertThatThrownBy(() -> new RecordPayment(null, id, AMOUNT, web, DAY, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("accountId");
        assertThatThrownBy(() -> new RecordPayment(ACCOUNT, null, AMOUNT, web, DAY, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("paymentId");
        assertThatThrownBy(() -> new RecordPayment(ACCOUNT, id, Money.parse("-1.00"), web, DAY, null)).isInstanceOf(IllegalArgumentException.class).hasMessage("amount must be greater than 0.00");
        assertThatThrownBy(() -> new RecordPayment(ACCOUNT, id, AMOUNT, null, DAY, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("channel");
        assertThatThrownBy(() -> new RecordPayment(ACCOUNT, id, AMOUNT, web, null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("receivedOn");
    }

    @Test
    void reversePaymentTrimsAndChecksTheReason() {
        PaymentId id = PaymentId.of("P-1");
        assertThat(new ReversePayment(ACCOUNT, id, " recall ", DAY).reason()).isEqualTo("recall");
        assertThatThrownBy(() -> new ReversePayment(ACCOUNT, id, "", DAY)).isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank");
        assertThatThrownBy(() -> new ReversePayment(ACCOUNT, id, "r".repeat(501), DAY)).isInstanceOf(IllegalArgumentException.class).hasMessage("reason must be at most 500 characters");
        assertThatThrownBy(() -> new ReversePayment(ACCOUNT, id, null, DAY)).isInstanceOf(NullPointerException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new ReversePayment(ACCOUNT, null, "r", DAY)).isInstanceOf(NullPointerException.class).hasMessageContaining("paymentId");
        assertThatThrownBy(() -> new ReversePayment(ACCOUNT, id, "r", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("reversedOn");
    }

    @Test
    void closeAccountChecksItsFields() {
        assertThatThrownBy(() -> new CloseAccount(null, DAY)).isInstanceOf(NullPointerException.class).hasMessageContaining("accountId");
        assertThatThrownBy(() -> new CloseAccount(ACCOUNT, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("closedOn");
    }

    @Test
    void correctChargeChecksItsFields() {
        var id = ru.utility.ledger.core.api.CorrectionId.of("RECALC-1");
        ChargeId charge = ChargeId.of("ENERGY-2026-10");
        assertThat(new CorrectCharge(ACCOUNT, id, charge, Money.parse("-200.00"), " meter read ", null).reason())
                .isEqualTo("meter read");
        assertThat(new CorrectCharge(ACCOUNT, id, charge, Money.parse("200.00"), "r", DAY).correctedOn()).isEqualTo(DAY);
        assertThatThrownBy(() -> new CorrectCharge(null, id, charge, AMOUNT, "r", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("accountId");
        assertThatThrownBy(() -> new CorrectCharge(ACCOUNT, null, charge, AMOUNT, "r", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("correctionId");
        assertThatThrownBy(() -> new CorrectCharge(ACCOUNT, id, null, AMOUNT, "r", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("chargeId");
        assertThatThrownBy(() -> new CorrectCharge(ACCOUNT, id, charge, null, "r", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("difference");
        assertThatThrownBy(() -> new CorrectCharge(ACCOUNT, id, charge, Money.ZERO, "r", null)).isInstanceOf(IllegalArgumentException.class).hasMessage("difference must be greater than 0.00");
        assertThatThrownBy(() -> new CorrectCharge(ACCOUNT, id, charge, Money.parse("-1000000000.01"), "r", null)).isInstanceOf(IllegalArgumentException.class).hasMessage("difference must not exceed 1000000000.00");
        assertThatThrownBy(() -> new CorrectCharge(ACCOUNT, id, charge, AMOUNT, " ", null)).isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank");
        assertThatThrownBy(() -> new CorrectCharge(ACCOUNT, id, charge, AMOUNT, "r".repeat(501), null)).isInstanceOf(IllegalArgumentException.class).hasMessage("reason must be at most 500 characters");
    }
}

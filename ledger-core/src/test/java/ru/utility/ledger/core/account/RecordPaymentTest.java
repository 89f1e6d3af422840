package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.PaymentReceipt;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.RecordPayment;

import java.time.LocalDate;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_AMOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OPENED_ON;
import static ru.utility.ledger.core.account.AccountFixtures.PAID_ON;
import static ru.utility.ledger.core.account.AccountFixtures.PAYMENT;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaymentAllocated;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class RecordPaymentTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void recordsAPayment() {
        fixture.given(opened(), octoberCharged())
                .when(octoberPayment())
                .expectSuccessfulHandlerExecution()
                .expectEvents(octoberPaid(), octoberPaymentAllocated())
                .expectResultMessagePayload(receipt(false));
    }

    @Test
    void aPaymentNeedNotNameAPeriod() {
        PaymentId cash = PaymentId.of("CASH-1");
        fixture.given(opened())
                .when(new RecordPayment(ACCOUNT, cash, Money.parse("100.00"), PaymentChannel.CASH_OFFICE, TODAY, null))
                .expectEvents(new PaymentRecorded(ACCOUNT, cash, Money.parse("100.00"), PaymentChannel.CASH_OFFICE, TODAY, null))
                .expectResultMessagePayload(new PaymentReceipt(ACCOUNT, cash, Money.parse("100.00"),
                        PaymentChannel.CASH_OFFICE, TODAY, null, false));
    }

    @Test
    void anIdenticalRepeatReturnsTheOriginalReceiptAndRecordsNothing() {
        fixture.given(opened(), octoberCharged(), octoberPaid())
                .when(octoberPayment())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(receipt(true));
    }

    @Test
    void anIdenticalRepeatSucceedsEvenAfterTheAccountWasClosed() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), closed())
                .when(octoberPayment())
                .expectNoEvents()
                .expectResultMessagePayload(receipt(true));
    }

    @Test
    void aRepeatWithAnotherAmountIsAConflict() {
        expectIdempotencyConflict(new RecordPayment(ACCOUNT, PAYMENT, Money.parse("1.00"), PaymentChannel.BANK_REGISTRY, PAID_ON, OCTOBER));
    }

    @Test
    void aRepeatWithAnotherChannelIsAConflict() {
        expectIdempotencyConflict(new RecordPayment(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, PaymentChannel.MOBILE_APP, PAID_ON, OCTOBER));
    }

    @Test
    void aRepeatWithAnotherValueDateIsAConflict() {
        expectIdempotencyConflict(new RecordPayment(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, PaymentChannel.BANK_REGISTRY,
                PAID_ON.plusDays(1), OCTOBER));
    }

    @Test
    void aRepeatWithAnotherPeriodIsAConflict() {
        expectIdempotencyConflict(new RecordPayment(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, PaymentChannel.BANK_REGISTRY, PAID_ON, null));
        expectIdempotencyConflict(new RecordPayment(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, PaymentChannel.BANK_REGISTRY, PAID_ON,
                BillingPeriod.parse("2026-09")));
    }

    @Test
    void aNewPaymentOnAClosedAccountIsRejected() {
        fixture.given(opened(), closed())
                .when(octoberPayment())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void aValueDateInTheFutureIsRejected() {
        fixture.given(opened())
                .when(paymentReceivedOn(TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "receivedOn"));
    }

    @Test
    void aPaymentReceivedTodayIsAccepted() {
        fixture.given(opened())
                .when(paymentReceivedOn(TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aValueDateBeforeTheOpeningIsRejected() {
        fixture.given(opened())
                .when(paymentReceivedOn(OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "BEFORE_OPENING", "receivedOn"));
    }

    @Test
    void aPaymentOnTheOpeningDayIsAccepted() {
        fixture.given(opened())
                .when(paymentReceivedOn(OPENED_ON))
                .expectSuccessfulHandlerExecution();
    }

    private void expectIdempotencyConflict(RecordPayment repeat) {
        AccountFixtures.newFixture().given(opened(), octoberCharged(), octoberPaid())
                .when(repeat)
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "paymentId"));
    }

    private static RecordPayment octoberPayment() {
        return new RecordPayment(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, PaymentChannel.BANK_REGISTRY, PAID_ON, OCTOBER);
    }

    private static RecordPayment paymentReceivedOn(LocalDate date) {
        return new RecordPayment(ACCOUNT, PaymentId.of("WEB-42"), Money.parse("50.00"), PaymentChannel.WEB_CABINET, date, null);
    }

    private static PaymentReceipt receipt(boolean duplicate) {
        return new PaymentReceipt(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, PaymentChannel.BANK_REGISTRY, PAID_ON, OCTOBER, duplicate);
    }
}

package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.ReversalReceipt;
import ru.utility.ledger.core.api.account.ReversePayment;

import java.time.LocalDate;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_AMOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.PAID_ON;
import static ru.utility.ledger.core.account.AccountFixtures.PAYMENT;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberAllocationReleased;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaymentAllocated;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.paymentReversed;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.NOT_FOUND;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class ReversePaymentTest {

    private static final LocalDate REVERSED_ON = LocalDate.of(2026, 11, 10);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void reversesThePaymentsFullAmount() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), octoberPaymentAllocated())
                .when(new ReversePayment(ACCOUNT, PAYMENT, " bank recall ", REVERSED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(paymentReversed(), octoberAllocationReleased())
                .expectResultMessagePayload(receipt(false));
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        fixture.given(opened(), octoberCharged(), octoberPaid())
                .when(new ReversePayment(ACCOUNT, PaymentId.of("NO-SUCH"), "bank recall", TODAY))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "UNKNOWN_PAYMENT", "paymentId"));
    }

    @Test
    void aRepeatWithTheSameReasonReturnsTheOriginalReceiptAndRecordsNothing() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), paymentReversed())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "bank recall", REVERSED_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(receipt(true));
    }

    @Test
    void aRepeatOnALaterDayIsStillTheSameReversal() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), paymentReversed())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "bank recall", TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(receipt(true));
    }

    @Test
    void anIdenticalRepeatSucceedsEvenAfterTheAccountWasClosed() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), paymentReversed(), octoberPaidAgain(), closed())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "bank recall", REVERSED_ON))
                .expectNoEvents()
                .expectResultMessagePayload(receipt(true));
    }

    @Test
    void aSecondReversalForAnotherReasonIsRejected() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), paymentReversed())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "chargeback", REVERSED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ALREADY_REVERSED", "paymentId"));
    }

    @Test
    void aPaymentOnAClosedAccountCannotBeReversed() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), closed())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "bank recall", TODAY))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void aReversalDateInTheFutureIsRejected() {
        fixture.given(opened(), octoberCharged(), octoberPaid())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "bank recall", TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "reversedOn"));
    }

    @Test
    void aReversalBeforeThePaymentWasReceivedIsRejected() {
        fixture.given(opened(), octoberCharged(), octoberPaid())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "bank recall", PAID_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "REVERSAL_BEFORE_PAYMENT", "reversedOn"));
    }

    @Test
    void aPaymentMayBeReversedOnTheDayItWasReceived() {
        fixture.given(opened(), octoberCharged(), octoberPaid())
                .when(new ReversePayment(ACCOUNT, PAYMENT, "bank recall", PAID_ON))
                .expectEvents(new PaymentReversed(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, "bank recall", PAID_ON));
    }

    private static PaymentRecorded octoberPaidAgain() {
        var first = octoberPaid();
        return new PaymentRecorded(ACCOUNT, PaymentId.of("SBER-RETRY-1"),
                first.amount(), first.channel(), LocalDate.of(2026, 11, 11), first.billingPeriod());
    }

    private static ReversalReceipt receipt(boolean duplicate) {
        return new ReversalReceipt(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, "bank recall", REVERSED_ON, duplicate);
    }
}

package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.core.api.account.ReversePayment;

import java.time.LocalDate;
import java.util.List;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.opened;

/** Which debts a payment settles, and how credit and reversals move allocations. */
class AllocationTest {

    static final BillingPeriod AUGUST = BillingPeriod.parse("2026-08");
    static final BillingPeriod SEPTEMBER = BillingPeriod.parse("2026-09");
    static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    static final ChargeId AUG = ChargeId.energyFor(AUGUST);
    static final ChargeId SEP = ChargeId.energyFor(SEPTEMBER);
    static final ChargeId OCT = ChargeId.energyFor(OCTOBER);
    static final PaymentId P1 = PaymentId.of("P-1");
    static final PaymentId P2 = PaymentId.of("P-2");
    static final LocalDate PAID_ON = LocalDate.of(2026, 11, 2);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void withoutANamedPeriodTheOldestChargeIsPaidFirst() {
        fixture.given(opened(), charged(SEPTEMBER, "300.00", 10, 15), charged(AUGUST, "200.00", 9, 15))
                .when(pay(P1, "350.00", null))
                .expectEvents(paid(P1, "350.00", null),
                        allocated(P1, AllocationSource.RECEIPT, Allocation.principal(AUG, money("200.00")),
                                Allocation.principal(SEP, money("150.00"))));
    }

    @Test
    void aNamedPeriodIsPaidFirstAndTheRestGoesToTheOldest() {
        fixture.given(opened(), charged(AUGUST, "200.00", 9, 15), charged(SEPTEMBER, "300.00", 10, 15))
                .when(pay(P1, "400.00", SEPTEMBER))
                .expectEvents(paid(P1, "400.00", SEPTEMBER),
                        allocated(P1, AllocationSource.RECEIPT, Allocation.principal(SEP, money("300.00")),
                                Allocation.principal(AUG, money("100.00"))));
    }

    @Test
    void principalIsPaidBeforePenalties() {
        fixture.given(opened(), charged(AUGUST, "200.00", 9, 15),
                        new PenaltyAccrued(ACCOUNT, LocalDate.of(2026, 11, 1), money("5.00"), money("5.00")))
                .when(pay(P1, "203.00", null))
                .expectEvents(paid(P1, "203.00", null),
                        allocated(P1, AllocationSource.RECEIPT, Allocation.principal(AUG, money("200.00")),
                                Allocation.penalty(money("3.00"))));
    }

    @Test
    void anOverpaymentStaysCreditAndPaysTheNextCharge() {
        fixture.given(opened(), charged(AUGUST, "200.00", 9, 15), paid(P1, "500.00", null),
                        allocated(P1, AllocationSource.RECEIPT, Allocation.principal(AUG, money("200.00"))))
                .when(new PostCharge(ACCOUNT, null, SEPTEMBER, money("450.00"), null, null))
                .expectEvents(charged(SEPTEMBER, "450.00", 10, 15),
                        allocated(P1, AllocationSource.CREDIT, Allocation.principal(SEP, money("300.00"))));
    }

    @Test
    void aPaymentWithNothingToPayIsCreditAndAllocatesNothing() {
        fixture.given(opened())
                .when(pay(P1, "100.00", null))
                .expectEvents(paid(P1, "100.00", null));
    }

    @Test
    void creditIsUsedOldestPaymentFirst() {
        fixture.given(opened(), paid(P2, "100.00", null, LocalDate.of(2026, 11, 5)),
                        paid(P1, "100.00", null, LocalDate.of(2026, 11, 1)))
                .when(new PostCharge(ACCOUNT, null, OCTOBER, money("150.00"), null, null))
                .expectEvents(charged(OCTOBER, "150.00", 11, 16),
                        new PaymentAllocated(ACCOUNT, P1, LocalDate.of(2026, 11, 1), AllocationSource.CREDIT,
                                List.of(Allocation.principal(OCT, money("100.00")))),
                        new PaymentAllocated(ACCOUNT, P2, LocalDate.of(2026, 11, 5), AllocationSource.CREDIT,
                                List.of(Allocation.principal(OCT, money("50.00")))));
    }

    @Test
    void aReversalReleasesTheAllocationAndOtherCreditSettlesTheFreedDebt() {
        fixture.given(opened(), charged(AUGUST, "200.00", 9, 15), paid(P1, "200.00", null),
                        allocated(P1, AllocationSource.RECEIPT, Allocation.principal(AUG, money("200.00"))),
                        paid(P2, "80.00", null))
                .when(new ReversePayment(ACCOUNT, P1, "bank recall", LocalDate.of(2026, 11, 10)))
                .expectEvents(new PaymentReversed(ACCOUNT, P1, money("200.00"), "bank recall", LocalDate.of(2026, 11, 10)),
                        new PaymentAllocationReleased(ACCOUNT, P1, List.of(Allocation.principal(AUG, money("200.00")))),
                        allocated(P2, AllocationSource.CREDIT, Allocation.principal(AUG, money("80.00"))));
    }

    @Test
    void anIdenticalRepeatOfAPaymentAllocatesNothingAgain() {
        fixture.given(opened(), charged(AUGUST, "200.00", 9, 15), paid(P1, "200.00", null),
                        allocated(P1, AllocationSource.RECEIPT, Allocation.principal(AUG, money("200.00"))))
                .when(pay(P1, "200.00", null))
                .expectNoEvents();
    }

    static ChargePosted charged(BillingPeriod period, String amount, int dueMonth, int dueDay) {
        return new ChargePosted(ACCOUNT, ChargeId.energyFor(period), period, money(amount), null,
                "Electricity for " + period, LocalDate.of(2026, dueMonth, dueDay), AccountFixtures.TODAY);
    }

    static RecordPayment pay(PaymentId id, String amount, BillingPeriod period) {
        return new RecordPayment(ACCOUNT, id, money(amount), PaymentChannel.CASH_OFFICE, PAID_ON, period);
    }

    static PaymentRecorded paid(PaymentId id, String amount, BillingPeriod period) {
        return paid(id, amount, period, PAID_ON);
    }

    static PaymentRecorded paid(PaymentId id, String amount, BillingPeriod period, LocalDate on) {
        return new PaymentRecorded(ACCOUNT, id, money(amount), PaymentChannel.CASH_OFFICE, on, period);
    }

    static PaymentAllocated allocated(PaymentId id, AllocationSource source, Allocation... slices) {
        return new PaymentAllocated(ACCOUNT, id, PAID_ON, source, List.of(slices));
    }

    static Money money(String amount) {
        return Money.parse(amount);
    }
}

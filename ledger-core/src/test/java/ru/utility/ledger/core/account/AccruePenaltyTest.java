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
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.AccruePenalty;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PenaltyReceipt;
import ru.utility.ledger.core.rules.DueDateRules;
import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;

import java.time.LocalDate;
import java.util.List;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.CLOCK;
import static ru.utility.ledger.core.account.AccountFixtures.HOLDER;
import static ru.utility.ledger.core.account.AccountFixtures.REGION;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

/** Penalty runs: post the difference between what is owed and what is accrued, never twice. */
class AccruePenaltyTest {

    static final BillingPeriod JUNE_2023 = BillingPeriod.parse("2023-06");
    static final ChargeId JUNE = ChargeId.energyFor(JUNE_2023);
    static final PaymentId P1 = PaymentId.of("P-1");
    static final PaymentId P2 = PaymentId.of("P-2");
    static final LocalDate PAID_LATE = LocalDate.of(2023, 10, 20);
    static final LocalDate LAST_RUN = LocalDate.of(2026, 11, 1);

    /** The key rate alone, as if no fixed-rate decree had been made: 13% on 20 October 2023. */
    static final PenaltyRules KEY_RATE_ONLY = PenaltyRules.parse("""
            band 31 300 law
            band 91 130 law
            key-rate 2023-09-18 13.00 Bank of Russia
            """);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void postsThePenaltyOwedOnTheWorkedExample() {
        fixture.given(workedExample())
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectEvents(new PenaltyAccrued(ACCOUNT, TODAY, money("66.65"), money("66.65")))
                .expectResultMessagePayload(new PenaltyReceipt(ACCOUNT, TODAY, money("66.65"), money("66.65"), money("66.65")));
    }

    @Test
    void runningItAgainPostsNothing() {
        fixture.given(with(workedExample(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("66.65"), money("66.65"))))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(new PenaltyReceipt(ACCOUNT, TODAY, money("66.65"), Money.ZERO, money("66.65")));
    }

    @Test
    void aRetroactiveRuleChangePostsTheCorrectingDifference() {
        AggregateTestFixture<Account> before = new AggregateTestFixture<>(Account.class);
        before.registerInjectableResource(CLOCK);
        before.registerInjectableResource(DueDateRules.russianDefault());
        before.registerInjectableResource(new PenaltyCalculator(KEY_RATE_ONLY));
        // 2400 x 13% x (60/300 + 12/130) = 62.40 + 28.80
        before.given(workedExample())
                .when(new AccruePenalty(ACCOUNT, LAST_RUN))
                .expectEvents(new PenaltyAccrued(ACCOUNT, LAST_RUN, money("91.20"), money("91.20")));

        // The fixed rate is then applied (retroactively): the correction is negative.
        fixture.given(with(workedExample(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("91.20"), money("91.20"))))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectEvents(new PenaltyAccrued(ACCOUNT, TODAY, money("-24.55"), money("66.65")));
    }

    @Test
    void aDownwardCorrectionReleasesPenaltyAlreadyPaidBackToCredit() {
        fixture.given(with(workedExample(),
                        new PenaltyAccrued(ACCOUNT, LAST_RUN, money("91.20"), money("91.20")),
                        paid(P2, "100.00", LocalDate.of(2026, 11, 5)),
                        new PaymentAllocated(ACCOUNT, P2, LocalDate.of(2026, 11, 5), AllocationSource.RECEIPT,
                                List.of(Allocation.penalty(money("91.20"))))))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectEvents(new PenaltyAccrued(ACCOUNT, TODAY, money("-24.55"), money("66.65")),
                        new PaymentAllocationReleased(ACCOUNT, P2, List.of(Allocation.penalty(money("24.55")))));
    }

    @Test
    void creditOnTheAccountPaysTheNewPenalty() {
        fixture.given(with(workedExample(), paid(P2, "100.00", LocalDate.of(2026, 11, 5))))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectEvents(new PenaltyAccrued(ACCOUNT, TODAY, money("66.65"), money("66.65")),
                        new PaymentAllocated(ACCOUNT, P2, LocalDate.of(2026, 11, 5), AllocationSource.CREDIT,
                                List.of(Allocation.penalty(money("66.65")))));
    }

    @Test
    void nothingOwedPostsNothing() {
        fixture.given(opened2023())
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(new PenaltyReceipt(ACCOUNT, TODAY, Money.ZERO, Money.ZERO, Money.ZERO));
    }

    @Test
    void aRunBeforeTheLastOneIsRejected() {
        fixture.given(with(workedExample(), new PenaltyAccrued(ACCOUNT, TODAY, money("66.65"), money("66.65"))))
                .when(new AccruePenalty(ACCOUNT, LAST_RUN))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "ACCRUAL_BEFORE_LAST", "asOf"));
    }

    @Test
    void aRunInTheFutureIsRejected() {
        fixture.given(workedExample())
                .when(new AccruePenalty(ACCOUNT, TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "asOf"));
    }

    @Test
    void aClosedAccountAccruesNothing() {
        fixture.given(opened2023(), new AccountClosed(ACCOUNT, LocalDate.of(2026, 1, 1)))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void aDayWithoutAKnownKeyRateIsRejected() {
        BillingPeriod period = BillingPeriod.parse("2015-01");
        fixture.given(new AccountOpened(ACCOUNT, HOLDER, REGION, LocalDate.of(2015, 1, 1)),
                        new ChargePosted(ACCOUNT, ChargeId.energyFor(period), period, money("100.00"), null,
                                "Electricity for 2015-01", LocalDate.of(2015, 2, 10), period.next().firstDay()))
                .when(new AccruePenalty(ACCOUNT, LocalDate.of(2015, 12, 1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NO_PENALTY_RULE", "asOf"));
    }

    static Object[] workedExample() {
        return new Object[] {opened2023(),
                new ChargePosted(ACCOUNT, JUNE, JUNE_2023, money("2400.00"), null, "Electricity for 2023-06",
                        LocalDate.of(2023, 7, 10), JUNE_2023.next().firstDay()),
                paid(P1, "2400.00", PAID_LATE),
                new PaymentAllocated(ACCOUNT, P1, PAID_LATE, AllocationSource.RECEIPT,
                        List.of(Allocation.principal(JUNE, money("2400.00"))))};
    }

    static AccountOpened opened2023() {
        return new AccountOpened(ACCOUNT, HOLDER, REGION, LocalDate.of(2023, 1, 1));
    }

    static PaymentRecorded paid(PaymentId id, String amount, LocalDate on) {
        return new PaymentRecorded(ACCOUNT, id, money(amount), PaymentChannel.BANK_REGISTRY, on, null);
    }

    static Object[] with(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    static Money money(String amount) {
        return Money.parse(amount);
    }
}

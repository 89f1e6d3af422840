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
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordPayment;

import java.time.LocalDate;
import java.util.List;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.HOLDER;
import static ru.utility.ledger.core.account.AccountFixtures.REGION;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;

/**
 * Oldest-first allocation skips charges more than three years past due on the money's value date (Civil Code
 * arts. 196, 199 p.3, 200, 319.1; plenum No. 22 of 2017, p.32), unless the payer named their period.
 *
 * <p>By hand: May 2023's charge fell due on 13 June 2023 (10 June a Saturday, 12 June a holiday), so it can be
 * claimed through 13 June 2026 and is time-barred from 14 June 2026. September 2023's fell due on Tuesday
 * 10 October 2023: claimable through 10 October 2026, time-barred from 11 October 2026.
 */
class TimeBarredAllocationTest {

    static final BillingPeriod MAY_2023 = BillingPeriod.parse("2023-05");
    static final BillingPeriod SEPTEMBER_2023 = BillingPeriod.parse("2023-09");
    static final BillingPeriod NOVEMBER_2024 = BillingPeriod.parse("2024-11");
    static final BillingPeriod SEPTEMBER_2026 = BillingPeriod.parse("2026-09");
    static final BillingPeriod OCTOBER_2026 = BillingPeriod.parse("2026-10");
    static final PaymentId P1 = PaymentId.of("P-1");
    static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    /** 2,500.00 on 2 Nov 2026: September 2026 (2,000.00), then the 30.00 penalty; May 2023 is skipped, 470.00 is credit. */
    @Test
    void anUnnamedPaymentSkipsAChargeMoreThanThreeYearsPastDue() {
        fixture.given(openedIn2020(), charged(MAY_2023, "1000.00", LocalDate.of(2023, 6, 13)),
                        charged(SEPTEMBER_2026, "2000.00", LocalDate.of(2026, 10, 15)),
                        new PenaltyAccrued(ACCOUNT, LocalDate.of(2026, 11, 1), money("30.00"), money("30.00")))
                .when(pay("2500.00", null, NOV_2))
                .expectEvents(paid("2500.00", null, NOV_2), allocated(NOV_2, AllocationSource.RECEIPT,
                        Allocation.principal(ChargeId.energyFor(SEPTEMBER_2026), money("2000.00")),
                        Allocation.penalty(money("30.00"))));
    }

    /** 10 October 2026 is the last day September 2023's charge (due 10 October 2023) can be claimed. */
    @Test
    void onTheLastDayOfTheThreeYearsTheChargeIsStillPaid() {
        LocalDate lastDay = LocalDate.of(2026, 10, 10);
        fixture.given(openedIn2020(), charged(SEPTEMBER_2023, "800.00", LocalDate.of(2023, 10, 10)))
                .when(pay("500.00", null, lastDay))
                .expectEvents(paid("500.00", null, lastDay), allocated(lastDay, AllocationSource.RECEIPT,
                        Allocation.principal(ChargeId.energyFor(SEPTEMBER_2023), money("500.00"))));
    }

    @Test
    void theDayAfterItIsTimeBarredAndTheMoneyStaysCredit() {
        LocalDate dayAfter = LocalDate.of(2026, 10, 11);
        fixture.given(openedIn2020(), charged(SEPTEMBER_2023, "800.00", LocalDate.of(2023, 10, 10)))
                .when(pay("500.00", null, dayAfter))
                .expectEvents(paid("500.00", null, dayAfter));
    }

    /** The payer may pay a time-barred debt (Civil Code art. 206 p.1): 1,200.00 naming May 2023 pays it, 200.00 goes on. */
    @Test
    void aPaymentNamingATimeBarredPeriodPaysIt() {
        fixture.given(openedIn2020(), charged(MAY_2023, "1000.00", LocalDate.of(2023, 6, 13)),
                        charged(SEPTEMBER_2026, "2000.00", LocalDate.of(2026, 10, 15)))
                .when(pay("1200.00", MAY_2023, NOV_2))
                .expectEvents(paid("1200.00", MAY_2023, NOV_2), allocated(NOV_2, AllocationSource.RECEIPT,
                        Allocation.principal(ChargeId.energyFor(MAY_2023), money("1000.00")),
                        Allocation.principal(ChargeId.energyFor(SEPTEMBER_2026), money("200.00"))));
    }

    /**
     * A bank registry arriving today with value date 1 June 2026: on that day May 2023's charge was still claimable
     * (through 13 June 2026), so 1,500.00 pays it (1,000.00) and then November 2024's (500.00).
     */
    @Test
    void theValueDateDecidesNotTheDayThePaymentIsRecorded() {
        LocalDate valueDate = LocalDate.of(2026, 6, 1);
        fixture.given(openedIn2020(), charged(MAY_2023, "1000.00", LocalDate.of(2023, 6, 13)),
                        charged(NOVEMBER_2024, "600.00", LocalDate.of(2024, 12, 10)))
                .when(pay("1500.00", null, valueDate))
                .expectEvents(paid("1500.00", null, valueDate), allocated(valueDate, AllocationSource.RECEIPT,
                        Allocation.principal(ChargeId.energyFor(MAY_2023), money("1000.00")),
                        Allocation.principal(ChargeId.energyFor(NOVEMBER_2024), money("500.00"))));
    }

    /**
     * Credit left beside time-barred debt waits for the next charge: October 2026 (posted today, due Monday
     * 16 November 2026) takes the 470.00 of P1, judged on P1's value date, and May 2023 stays unpaid.
     */
    @Test
    void creditBesideTimeBarredDebtPaysTheNextCharge() {
        ChargePosted october = new ChargePosted(ACCOUNT, ChargeId.energyFor(OCTOBER_2026), OCTOBER_2026,
                money("900.00"), null, "Electricity for 2026-10", LocalDate.of(2026, 11, 16), TODAY);
        fixture.given(openedIn2020(), charged(MAY_2023, "1000.00", LocalDate.of(2023, 6, 13)),
                        paid("470.00", null, NOV_2))
                .when(new PostCharge(ACCOUNT, null, OCTOBER_2026, money("900.00"), null, null))
                .expectEvents(october, allocated(NOV_2, AllocationSource.CREDIT,
                        Allocation.principal(ChargeId.energyFor(OCTOBER_2026), money("470.00"))));
    }

    static AccountOpened openedIn2020() {
        return new AccountOpened(ACCOUNT, HOLDER, REGION, LocalDate.of(2020, 1, 15));
    }

    static ChargePosted charged(BillingPeriod period, String amount, LocalDate dueDate) {
        return new ChargePosted(ACCOUNT, ChargeId.energyFor(period), period, money(amount), null,
                "Electricity for " + period, dueDate, period.next().firstDay());
    }

    static RecordPayment pay(String amount, BillingPeriod period, LocalDate on) {
        return new RecordPayment(ACCOUNT, P1, money(amount), PaymentChannel.BANK_REGISTRY, on, period);
    }

    static PaymentRecorded paid(String amount, BillingPeriod period, LocalDate on) {
        return new PaymentRecorded(ACCOUNT, P1, money(amount), PaymentChannel.BANK_REGISTRY, on, period);
    }

    static PaymentAllocated allocated(LocalDate on, AllocationSource source, Allocation... slices) {
        return new PaymentAllocated(ACCOUNT, P1, on, source, List.of(slices));
    }

    static Money money(String amount) {
        return Money.parse(amount);
    }
}

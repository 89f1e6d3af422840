package ru.utility.ledger.core.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.ChargeReceipt;
import ru.utility.ledger.core.api.account.PostCharge;

import java.time.LocalDate;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_AMOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_DUE;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_ENERGY;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_KWH;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class PostChargeTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void postsAChargeDueOnTheNextWorkingDayAfterThe15th() {
        fixture.given(opened())
                .when(octoberCommand())
                .expectSuccessfulHandlerExecution()
                .expectEvents(octoberCharged())
                .expectResultMessagePayload(octoberReceipt(false));
    }

    @Test
    void chargesBeforeMarch2026AreDueOnThe10th() {
        BillingPeriod february = BillingPeriod.parse("2026-02");
        ChargePosted expected = new ChargePosted(ACCOUNT, ChargeId.of("ENERGY-2026-02"), february,
                Money.parse("10.00"), null, "Electricity for 2026-02", LocalDate.of(2026, 3, 10), AccountFixtures.TODAY);

        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, february, Money.parse("10.00"), null, null))
                .expectEvents(expected);
    }

    @Test
    void anIdenticalRepeatReturnsTheOriginalReceiptAndRecordsNothing() {
        fixture.given(opened(), octoberCharged())
                .when(octoberCommand())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(octoberReceipt(true));
    }

    @Test
    void aRepeatWithTheSameEnergyWrittenWithAnotherScaleIsTheSameCharge() {
        fixture.given(opened(), octoberCharged())
                .when(new PostCharge(ACCOUNT, OCTOBER_ENERGY, OCTOBER, OCTOBER_AMOUNT, EnergyKwh.parse("350.500"), null))
                .expectNoEvents()
                .expectResultMessagePayload(octoberReceipt(true));
    }

    @Test
    void anIdenticalRepeatSucceedsEvenAfterTheAccountWasClosed() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), closed())
                .when(octoberCommand())
                .expectNoEvents()
                .expectResultMessagePayload(octoberReceipt(true));
    }

    @Test
    void aRepeatWithAnotherAmountIsAConflict() {
        expectIdempotencyConflict(new PostCharge(ACCOUNT, OCTOBER_ENERGY, OCTOBER, Money.parse("1234.51"), OCTOBER_KWH, null));
    }

    @Test
    void aRepeatWithAnotherPeriodIsAConflict() {
        expectIdempotencyConflict(new PostCharge(ACCOUNT, OCTOBER_ENERGY, BillingPeriod.parse("2026-09"),
                OCTOBER_AMOUNT, OCTOBER_KWH, "Electricity for 2026-10"));
    }

    @Test
    void aRepeatWithAnotherEnergyIsAConflict() {
        expectIdempotencyConflict(new PostCharge(ACCOUNT, OCTOBER_ENERGY, OCTOBER, OCTOBER_AMOUNT, EnergyKwh.parse("350.6"), null));
        expectIdempotencyConflict(new PostCharge(ACCOUNT, OCTOBER_ENERGY, OCTOBER, OCTOBER_AMOUNT, null, null));
    }

    @Test
    void aRepeatWithAnotherDescriptionIsAConflict() {
        expectIdempotencyConflict(new PostCharge(ACCOUNT, OCTOBER_ENERGY, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH, "Recalculated"));
    }

    @Test
    void aNewChargeOnAClosedAccountIsRejected() {
        fixture.given(opened(), closed())
                .when(octoberCommand())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void aPeriodBeforeTheOpeningMonthIsRejected() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, BillingPeriod.parse("2026-01"), OCTOBER_AMOUNT, null, null))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "BEFORE_OPENING", "billingPeriod"));
    }

    @Test
    void theOpeningMonthMayBeCharged() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, BillingPeriod.parse("2026-02"), OCTOBER_AMOUNT, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theCurrentMonthMayBeCharged() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, BillingPeriod.parse("2026-11"), OCTOBER_AMOUNT, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aFuturePeriodIsRejected() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, BillingPeriod.parse("2026-12"), OCTOBER_AMOUNT, null, null))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "PERIOD_IN_FUTURE", "billingPeriod"));
    }

    @Test
    void aBackdatedChargeKeepsItsPostingDate() {
        LocalDate postedOn = LocalDate.of(2026, 10, 31);
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH, null, postedOn))
                .expectEvents(new ChargePosted(ACCOUNT, OCTOBER_ENERGY, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH,
                        "Electricity for 2026-10", OCTOBER_DUE, postedOn));
    }

    @Test
    void theOpeningDayMayBeThePostingDate() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, BillingPeriod.parse("2026-02"), OCTOBER_AMOUNT, null, null,
                        AccountFixtures.OPENED_ON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPostingDateAfterTodayIsRejected() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, OCTOBER, OCTOBER_AMOUNT, null, null, AccountFixtures.TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "postedOn"));
    }

    @Test
    void aPostingDateBeforeTheAccountOpenedIsRejected() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, BillingPeriod.parse("2026-02"), OCTOBER_AMOUNT, null, null,
                        AccountFixtures.OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "BEFORE_OPENING", "postedOn"));
    }

    @Test
    void aPeriodThatHadNotBegunOnThePostingDateIsRejected() {
        fixture.given(opened())
                .when(new PostCharge(ACCOUNT, null, OCTOBER, OCTOBER_AMOUNT, null, null, LocalDate.of(2026, 9, 30)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "PERIOD_IN_FUTURE", "billingPeriod"));
    }

    @Test
    void aRepeatThatLeavesThePostingDateToTheLedgerIsTheSameChargeOnALaterDay() {
        AccountFixtures.newFixture(java.time.Clock.offset(AccountFixtures.CLOCK, java.time.Duration.ofDays(3)))
                .given(opened(), octoberCharged())
                .when(octoberCommand())
                .expectNoEvents()
                .expectResultMessagePayload(octoberReceipt(true));
    }

    @Test
    void aRepeatThatNamesTheSamePostingDateIsTheSameCharge() {
        fixture.given(opened(), octoberCharged())
                .when(new PostCharge(ACCOUNT, null, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH, null, AccountFixtures.TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(octoberReceipt(true));
    }

    @Test
    void aRepeatWithAnotherPostingDateIsAConflict() {
        expectIdempotencyConflict(new PostCharge(ACCOUNT, null, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH, null,
                AccountFixtures.TODAY.minusDays(1)));
    }

    @Test
    void anAccountThatWasNeverOpenedIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(octoberCommand())
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    private void expectIdempotencyConflict(PostCharge repeat) {
        AccountFixtures.newFixture().given(opened(), octoberCharged())
                .when(repeat)
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "chargeId"));
    }

    private static PostCharge octoberCommand() {
        return new PostCharge(ACCOUNT, null, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH, null);
    }

    private static ChargeReceipt octoberReceipt(boolean duplicate) {
        return new ChargeReceipt(ACCOUNT, OCTOBER_ENERGY, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH,
                "Electricity for 2026-10", OCTOBER_DUE, AccountFixtures.TODAY, duplicate);
    }
}

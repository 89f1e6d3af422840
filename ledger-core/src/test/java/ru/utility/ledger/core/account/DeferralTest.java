package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccruePenalty;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.account.DeferralReceipt;
import ru.utility.ledger.core.api.account.DeferredCharge;
import ru.utility.ledger.core.api.account.EndDeferralEarly;
import ru.utility.ledger.core.api.account.GrantDeferral;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PenaltyReceipt;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_AMOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_DUE;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_ENERGY;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaymentAllocated;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.NOT_FOUND;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class DeferralTest {

    static final ProgramId DEFER = ProgramId.of("DEFER-3M");
    static final DeferralId DEF = DeferralId.of("DEF-1");
    static final LocalDate ENROLLED_ON = LocalDate.of(2026, 11, 18);
    static final LocalDate ENDS_ON = LocalDate.of(2027, 1, 31);
    static final AccountEnrolled ENROLLED = new AccountEnrolled(ACCOUNT, DEFER, ReliefKind.DEFERRAL, ENROLLED_ON,
            LocalDate.of(2026, 12, 31), null, Set.of());
    static final DeferredCharge OCTOBER_COVERED = new DeferredCharge(OCTOBER_ENERGY, OCTOBER_DUE, OCTOBER_AMOUNT);
    static final DeferralGranted GRANTED = new DeferralGranted(ACCOUNT, DEF, DEFER, TODAY, ENDS_ON, List.of(OCTOBER_COVERED));

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    static GrantDeferral grant(LocalDate on, LocalDate endsOn) {
        return new GrantDeferral(ACCOUNT, DEF, DEFER, on, endsOn, 3);
    }

    @Test
    void coversTheUnpaidChargesWithTheirDueDates() {
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(grant(TODAY, ENDS_ON))
                .expectEvents(GRANTED)
                .expectResultMessagePayload(new DeferralReceipt(ACCOUNT, DEF, DEFER, TODAY, ENDS_ON, null, null,
                        List.of(OCTOBER_COVERED), false));
    }

    @Test
    void aRepeatReturnsTheDeferralAndOtherContentIsAConflict() {
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED)
                .when(grant(TODAY, ENDS_ON))
                .expectNoEvents()
                .expectResultMessagePayload(new DeferralReceipt(ACCOUNT, DEF, DEFER, TODAY, ENDS_ON, null, null,
                        List.of(OCTOBER_COVERED), true));
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED)
                .when(grant(TODAY, ENDS_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "deferralId"));
    }

    @Test
    void longerThanTheProgrammeAllowsIsRefusedWithTheLimit() {
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(grant(TODAY, TODAY.plusMonths(3).plusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DEFERRAL_TOO_LONG", "endsOn"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("3 months"));
    }

    @Test
    void anEndNotAfterTheGrantIsRefused() {
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(grant(TODAY, TODAY))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "INVALID_DEFERRAL_END", "endsOn"));
    }

    @Test
    void withoutADeferralEnrolmentItIsRefused() {
        fixture.given(opened(), octoberCharged())
                .when(grant(TODAY, ENDS_ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOT_ENROLLED", "programId"));
        AccountEnrolled discount = new AccountEnrolled(ACCOUNT, DEFER, ReliefKind.DISCOUNT, ENROLLED_ON, null,
                java.math.BigDecimal.TEN, Set.of());
        fixture.given(opened(), octoberCharged(), discount)
                .when(grant(TODAY, ENDS_ON))
                .expectException(violation(UNPROCESSABLE, "NOT_ENROLLED", "programId"));
    }

    @Test
    void afterTheProgrammeClosedTheEnrolmentItIsRefused() {
        var ended = new ru.utility.ledger.core.api.account.EnrolmentEnded(ACCOUNT, DEFER, TODAY.minusDays(1),
                "programme closed");
        fixture.given(opened(), octoberCharged(), ENROLLED, ended)
                .when(grant(TODAY, ENDS_ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "OUTSIDE_PROGRAMME_WINDOW", "grantedOn"));
    }

    @Test
    void outsideTheEnrolmentWindowItIsRefused() {
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(grant(ENROLLED_ON.minusDays(1), ENDS_ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "OUTSIDE_PROGRAMME_WINDOW", "grantedOn"));
    }

    @Test
    void aFutureGrantIsRefused() {
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(grant(TOMORROW, ENDS_ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "grantedOn"));
    }

    @Test
    void nothingUnpaidIsNothingToDefer() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), octoberPaymentAllocated(), ENROLLED)
                .when(grant(TODAY, ENDS_ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOTHING_TO_DEFER", "accountId"));
    }

    @Test
    void aSecondDeferralWhileOneRunsIsAConflict() {
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED)
                .when(new GrantDeferral(ACCOUNT, DeferralId.of("DEF-2"), DEFER, TODAY, ENDS_ON, 3))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "DEFERRAL_ACTIVE", "grantedOn"));
    }

    @Test
    void aClosedAccountIsRefused() {
        fixture.given(opened(), ENROLLED, closed())
                .when(grant(TODAY, ENDS_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void endsEarlyAndARepeatWithTheSameReasonIsTheSameAnswer() {
        EndDeferralEarly end = new EndDeferralEarly(ACCOUNT, DEF, TODAY, "income restored");
        DeferralEndedEarly ended = new DeferralEndedEarly(ACCOUNT, DEF, TODAY, "income restored",
                List.of(new ru.utility.ledger.core.api.account.ChargeDueDate(OCTOBER_ENERGY, TODAY)));
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED)
                .when(end)
                .expectEvents(ended)
                .expectResultMessagePayload(new DeferralReceipt(ACCOUNT, DEF, DEFER, TODAY, ENDS_ON, TODAY,
                        "income restored", List.of(OCTOBER_COVERED), false));
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED, ended)
                .when(end)
                .expectNoEvents()
                .expectResultMessagePayload(new DeferralReceipt(ACCOUNT, DEF, DEFER, TODAY, ENDS_ON, TODAY,
                        "income restored", List.of(OCTOBER_COVERED), true));
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED, ended)
                .when(new EndDeferralEarly(ACCOUNT, DEF, TODAY, "another reason"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "DEFERRAL_ALREADY_ENDED", "deferralId"));
    }

    @Test
    void endingRulesAreChecked() {
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(new EndDeferralEarly(ACCOUNT, DEF, TODAY, "r"))
                .expectException(violation(NOT_FOUND, "UNKNOWN_DEFERRAL", "deferralId"));
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED)
                .when(new EndDeferralEarly(ACCOUNT, DEF, TOMORROW, "r"))
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "endedOn"));
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED)
                .when(new EndDeferralEarly(ACCOUNT, DEF, TODAY.minusDays(1), "r"))
                .expectException(violation(UNPROCESSABLE, "INVALID_DEFERRAL_END", "endedOn"));
        AccountEnrolled enrolled = new AccountEnrolled(ACCOUNT, DEFER, ReliefKind.DEFERRAL, LocalDate.of(2026, 9, 1),
                null, null, Set.of());
        DeferralGranted shortOne = new DeferralGranted(ACCOUNT, DEF, DEFER, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 11, 1), List.of(OCTOBER_COVERED));
        fixture.given(opened(), octoberCharged(), enrolled, shortOne)
                .when(new EndDeferralEarly(ACCOUNT, DEF, TODAY, "r"))
                .expectException(violation(UNPROCESSABLE, "DEFERRAL_NOT_RUNNING", "endedOn"));
        fixture.given(opened(), octoberCharged(), ENROLLED, GRANTED, closed())
                .when(new EndDeferralEarly(ACCOUNT, DEF, TODAY, "r"))
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    /**
     * Granted on 20 November over a charge due 16 November: the four days 17-20 November accrue nothing
     * below the 1/300 band's 31st day; later, during the deferral, nothing accrues at all, and after an
     * early end on 1 December the days count afresh from it.
     */
    @Test
    void noPenaltyAccruesWhileItRunsAndItAccruesFromTheEarlyEnd() {
        Clock late = Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC);
        AggregateTestFixture<Account> later = AccountFixtures.newFixture(late);
        // Running until 31 January: 1 March is 29 days after, still inside the penalty-free first 30 days.
        later.given(opened(), octoberCharged(), ENROLLED, GRANTED)
                .when(new AccruePenalty(ACCOUNT, LocalDate.of(2027, 3, 1)))
                .expectNoEvents()
                .expectResultMessagePayload(new PenaltyReceipt(ACCOUNT, LocalDate.of(2027, 3, 1), Money.ZERO,
                        Money.ZERO, Money.ZERO));
        // Without the deferral, 1 March is the 105th day overdue: a penalty is owed.
        later.given(opened(), octoberCharged(), ENROLLED)
                .when(new AccruePenalty(ACCOUNT, LocalDate.of(2027, 3, 1)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(PenaltyAccrued.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }
}

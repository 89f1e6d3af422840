package ru.utility.ledger.core.program;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.EnrolmentReleased;
import ru.utility.ledger.core.api.program.EnrolmentReservation;
import ru.utility.ledger.core.api.program.EnrolmentReserved;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ReleaseEnrolment;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReliefParameters;
import ru.utility.ledger.core.api.program.ReserveEnrolment;

import java.math.BigDecimal;
import java.time.LocalDate;

import static ru.utility.ledger.core.program.ReliefProgramTest.violation;

class ProgramEnrolmentTest {

    static final ProgramId ID = ProgramId.of("COMP-50");
    static final AccountId ACCOUNT = AccountId.of("ACC-1");
    static final AccountId OTHER = AccountId.of("ACC-2");
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final LocalDate ON = LocalDate.of(2026, 3, 2);
    static final ReliefParameters FIFTY = new ReliefParameters(new BigDecimal("50"), null, null, null, null, null);

    private AggregateTestFixture<ReliefProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReliefProgram.class);
    }

    static ProgramLaunched launched(Money budget) {
        return new ProgramLaunched(ID, "Compensation", ReliefKind.COMPENSATION, FROM, TO, Eligibility.everyone(), FIFTY,
                budget);
    }

    static EnrolmentReservation reservation(AccountId account, Money amount, Money left, boolean duplicate) {
        return new EnrolmentReservation(ID, account, ON, amount, ReliefKind.COMPENSATION, Eligibility.everyone(), FIFTY,
                TO, left, duplicate);
    }

    @Test
    void reservesFromTheBudget() {
        fixture.given(launched(Money.parse("1000.00")))
                .when(new ReserveEnrolment(ID, ACCOUNT, ON, Money.parse("600.00")))
                .expectEvents(new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("600.00")))
                .expectResultMessagePayload(reservation(ACCOUNT, Money.parse("600.00"), Money.parse("400.00"), false));
    }

    @Test
    void theBudgetCanNeverBeOverspent() {
        fixture.given(launched(Money.parse("1000.00")), new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("600.00")))
                .when(new ReserveEnrolment(ID, OTHER, ON, Money.parse("400.01")))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "BUDGET_EXHAUSTED", "programId"));
        fixture.given(launched(Money.parse("1000.00")), new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("600.00")))
                .when(new ReserveEnrolment(ID, OTHER, ON, Money.parse("400.00")))
                .expectEvents(new EnrolmentReserved(ID, OTHER, ON, Money.parse("400.00")))
                .expectResultMessagePayload(reservation(OTHER, Money.parse("400.00"), Money.ZERO, false));
    }

    @Test
    void aProgrammeWithoutBudgetHasNoLimit() {
        fixture.given(launched(null))
                .when(new ReserveEnrolment(ID, ACCOUNT, ON, Money.parse("99999.00")))
                .expectEvents(new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("99999.00")))
                .expectResultMessagePayload(reservation(ACCOUNT, Money.parse("99999.00"), null, false));
    }

    @Test
    void aRepeatReturnsTheReservationAndAnotherOneIsAConflict() {
        fixture.given(launched(Money.parse("1000.00")), new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("600.00")))
                .when(new ReserveEnrolment(ID, ACCOUNT, ON, Money.parse("600.00")))
                .expectNoEvents()
                .expectResultMessagePayload(reservation(ACCOUNT, Money.parse("600.00"), Money.parse("400.00"), true));
        fixture.given(launched(Money.parse("1000.00")), new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("600.00")))
                .when(new ReserveEnrolment(ID, ACCOUNT, ON.plusDays(1), Money.parse("600.00")))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "ALREADY_ENROLLED", "accountId"));
    }

    @Test
    void enrolmentOutsideTheWindowOrAfterClosureIsRejected() {
        fixture.given(launched(null))
                .when(new ReserveEnrolment(ID, ACCOUNT, FROM.minusDays(1), Money.ZERO))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE, "OUTSIDE_PROGRAMME_WINDOW", "enrolledOn"));
        fixture.given(launched(null), new ProgramClosed(ID, ON, "Budget decision"))
                .when(new ReserveEnrolment(ID, ACCOUNT, ON, Money.ZERO))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE, "OUTSIDE_PROGRAMME_WINDOW", "enrolledOn"));
    }

    @Test
    void reservingInAnUnknownProgrammeFails() {
        fixture.givenNoPriorActivity()
                .when(new ReserveEnrolment(ID, ACCOUNT, ON, Money.ZERO))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void aReleaseGivesTheMoneyBack() {
        fixture.given(launched(Money.parse("1000.00")), new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("600.00")))
                .when(new ReleaseEnrolment(ID, ACCOUNT, "not eligible"))
                .expectEvents(new EnrolmentReleased(ID, ACCOUNT, Money.parse("600.00"), "not eligible"))
                .expectResultMessagePayload(Money.parse("600.00"));
        fixture.given(launched(Money.parse("1000.00")), new EnrolmentReserved(ID, ACCOUNT, ON, Money.parse("600.00")),
                        new EnrolmentReleased(ID, ACCOUNT, Money.parse("600.00"), "not eligible"))
                .when(new ReserveEnrolment(ID, OTHER, ON, Money.parse("1000.00")))
                .expectEvents(new EnrolmentReserved(ID, OTHER, ON, Money.parse("1000.00")));
    }

    @Test
    void releasingWhatWasNotReservedIsNotFound() {
        fixture.given(launched(null))
                .when(new ReleaseEnrolment(ID, ACCOUNT, "x"))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE, "NOT_ENROLLED", "accountId"));
    }
}

package ru.utility.ledger.core.program;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.BudgetDrawRefused;
import ru.utility.ledger.core.api.program.BudgetDrawn;
import ru.utility.ledger.core.api.program.DrawBudget;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.EnrolmentReserved;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReliefParameters;
import ru.utility.ledger.core.api.program.ReserveEnrolment;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static ru.utility.ledger.core.program.ReliefProgramTest.violation;

/** A budgeted DISCOUNT programme pays each discount from its budget, or records why not. */
class BudgetDrawTest {

    static final ProgramId ID = ProgramId.of("PENSIONER-30");
    static final AccountId ACCOUNT = AccountId.of("ACC-1");
    static final AccountId OTHER = AccountId.of("ACC-2");
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final LocalDate ON = LocalDate.of(2026, 11, 2);
    static final ChargeId CHARGE = ChargeId.of("ENERGY-2026-10");
    static final PaymentId DRAW = PaymentId.of("DISCOUNT:PENSIONER-30:ENERGY-2026-10");
    static final PaymentId OTHER_DRAW = PaymentId.of("DISCOUNT:PENSIONER-30:ENERGY-2026-11");

    private AggregateTestFixture<ReliefProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReliefProgram.class);
    }

    static ProgramLaunched launched(Money budget) {
        return new ProgramLaunched(ID, "Pensioners 30%", ReliefKind.DISCOUNT, FROM, TO, Eligibility.everyone(),
                new ReliefParameters(new BigDecimal("30"), null, null, null, null, null), budget);
    }

    static EnrolmentReserved enrolled(AccountId account) {
        return new EnrolmentReserved(ID, account, LocalDate.of(2026, 10, 1), Money.ZERO);
    }

    static DrawBudget draw(PaymentId drawId, String amount, LocalDate on) {
        return new DrawBudget(ID, ACCOUNT, CHARGE, drawId, Money.parse(amount), on);
    }

    static BudgetDrawn drawn(PaymentId drawId, String amount, String left) {
        return new BudgetDrawn(ID, ACCOUNT, CHARGE, drawId, Money.parse(amount), ON, left == null ? null : Money.parse(left));
    }

    @Test
    void drawsFromTheBudgetAndSaysWhatIsLeft() {
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT))
                .when(draw(DRAW, "370.37", ON))
                .expectEvents(drawn(DRAW, "370.37", "129.63"))
                .expectResultMessagePayload(true);
    }

    @Test
    void refusesADrawTheBudgetCannotCoverAndRecordsWhy() {
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), drawn(DRAW, "370.37", "129.63"))
                .when(draw(OTHER_DRAW, "129.64", ON))
                .expectEvents(new BudgetDrawRefused(ID, ACCOUNT, CHARGE, OTHER_DRAW, Money.parse("129.64"), ON,
                        "BUDGET_EXHAUSTED", "programme PENSIONER-30 has 129.63 of its budget left; the discount needs 129.64"))
                .expectResultMessagePayload(false);
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), drawn(DRAW, "370.37", "129.63"))
                .when(draw(OTHER_DRAW, "129.63", ON))
                .expectEvents(new BudgetDrawn(ID, ACCOUNT, CHARGE, OTHER_DRAW, Money.parse("129.63"), ON, Money.ZERO));
    }

    @Test
    void aRepeatedDrawGetsTheRecordedAnswerAndRecordsNothing() {
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), drawn(DRAW, "370.37", "129.63"))
                .when(draw(DRAW, "370.37", ON))
                .expectNoEvents()
                .expectResultMessagePayload(true);
        fixture.given(launched(Money.parse("100.00")), enrolled(ACCOUNT), new BudgetDrawRefused(ID, ACCOUNT, CHARGE, DRAW,
                        Money.parse("370.37"), ON, "BUDGET_EXHAUSTED", "no"))
                .when(draw(DRAW, "370.37", ON))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), drawn(DRAW, "370.37", "129.63"))
                .when(draw(DRAW, "1.00", ON))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "IDEMPOTENCY_CONFLICT", "drawId"));
    }

    @Test
    void aChargeOnOrAfterTheClosureGetsNothing() {
        LocalDate closedOn = LocalDate.of(2026, 11, 2);
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), new ProgramClosed(ID, closedOn, "budget year ended"))
                .when(draw(DRAW, "10.00", closedOn))
                .expectEvents(new BudgetDrawRefused(ID, ACCOUNT, CHARGE, DRAW, Money.parse("10.00"), closedOn,
                        "OUTSIDE_PROGRAMME_WINDOW", "programme PENSIONER-30 applies from 2026-01-01 to 2026-11-01, not on"
                        + " 2026-11-02 (closed on 2026-11-02)"));
        // A charge posted the day before the closure was still covered.
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), new ProgramClosed(ID, closedOn, "budget year ended"))
                .when(draw(DRAW, "10.00", closedOn.minusDays(1)))
                .expectEvents(new BudgetDrawn(ID, ACCOUNT, CHARGE, DRAW, Money.parse("10.00"), closedOn.minusDays(1),
                        Money.parse("490.00")));
    }

    /** Every account's discount on its October energy charge has the same credit id: the account tells them apart. */
    @Test
    void theSameDrawIdOnAnotherAccountIsAnotherDraw() {
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), enrolled(OTHER), drawn(DRAW, "370.37", "129.63"))
                .when(new DrawBudget(ID, OTHER, CHARGE, DRAW, Money.parse("100.00"), ON))
                .expectEvents(new BudgetDrawn(ID, OTHER, CHARGE, DRAW, Money.parse("100.00"), ON, Money.parse("29.63")))
                .expectResultMessagePayload(true);
    }

    @Test
    void anAccountThatIsNotEnrolledGetsNothing() {
        fixture.given(launched(Money.parse("500.00")), enrolled(OTHER))
                .when(draw(DRAW, "10.00", ON))
                .expectEvents(new BudgetDrawRefused(ID, ACCOUNT, CHARGE, DRAW, Money.parse("10.00"), ON,
                        "NOT_ENROLLED", "account ACC-1 holds no enrolment in PENSIONER-30"));
    }

    @Test
    void withoutABudgetEveryDrawIsPaid() {
        fixture.given(launched(null), enrolled(ACCOUNT))
                .when(draw(DRAW, "999999.00", ON))
                .expectEvents(drawn(DRAW, "999999.00", null));
    }

    @Test
    void drawnDiscountsLeaveLessForLaterEnrolments() {
        fixture.given(launched(Money.parse("500.00")), enrolled(ACCOUNT), drawn(DRAW, "370.37", "129.63"))
                .when(new ReserveEnrolment(ID, OTHER, ON, Money.ZERO))
                .expectEvents(new EnrolmentReserved(ID, OTHER, ON, Money.ZERO))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(containsString("129.63")));
    }

    @Test
    void theStateCountsEveryDrawOnce() {
        ProgramState state = ProgramState.initial();
        for (var event : java.util.List.of(launched(Money.parse("500.00")), enrolled(ACCOUNT),
                drawn(DRAW, "370.37", "129.63"), drawn(DRAW, "370.37", "129.63"),
                new BudgetDrawRefused(ID, ACCOUNT, CHARGE, OTHER_DRAW, Money.parse("200.00"), ON, "BUDGET_EXHAUSTED", "no"))) {
            state = state.evolve(event);
        }
        assertThat(state.draws().total()).isEqualTo(Money.parse("370.37"));
        assertThat(state.budgetLeft()).isEqualTo(Money.parse("129.63"));
        assertThat(state.draws().grantedCount()).isEqualTo(1);
        assertThat(state.draws().refusedCount()).isEqualTo(1);
    }
}

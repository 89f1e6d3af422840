package ru.utility.ledger.core.program;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.program.CloseProgram;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.LaunchProgram;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ProgramReceipt;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReliefParameters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReliefProgramTest {

    static final ProgramId ID = ProgramId.of("LARGE-FAMILY-30");
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final Eligibility LARGE_FAMILIES_IN_MOSCOW = new Eligibility(Set.of(SocialCategory.LARGE_FAMILY),
            Set.of(RegionCode.of("77")));
    static final ReliefParameters THIRTY_PERCENT = new ReliefParameters(new BigDecimal("30"), null, null, null, null, null);

    private AggregateTestFixture<ReliefProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReliefProgram.class);
    }

    @Test
    void launchesAProgramme() {
        fixture.givenNoPriorActivity()
                .when(launch())
                .expectEvents(launched())
                .expectResultMessagePayload(receipt(null, null, false));
    }

    @Test
    void anIdenticalRepeatRecordsNothingAndOtherContentIsAConflict() {
        fixture.given(launched())
                .when(launch())
                .expectNoEvents()
                .expectResultMessagePayload(receipt(null, null, true));
        fixture.given(launched())
                .when(new LaunchProgram(ID, "Other", ReliefKind.DISCOUNT, FROM, TO, LARGE_FAMILIES_IN_MOSCOW,
                        THIRTY_PERCENT, Money.parse("1000000.00")))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "PROGRAM_EXISTS", "programId"));
    }

    @Test
    void closesAndAcceptsTheSameClosureAgain() {
        LocalDate on = LocalDate.of(2026, 6, 30);
        fixture.given(launched())
                .when(new CloseProgram(ID, on, "Budget decision"))
                .expectEvents(new ProgramClosed(ID, on, "Budget decision"))
                .expectResultMessagePayload(receipt(on, "Budget decision", false));
        fixture.given(launched(), new ProgramClosed(ID, on, "Budget decision"))
                .when(new CloseProgram(ID, on, "Budget decision"))
                .expectNoEvents()
                .expectResultMessagePayload(receipt(on, "Budget decision", true));
    }

    @Test
    void aSecondClosureForAnotherReasonIsAConflict() {
        fixture.given(launched(), new ProgramClosed(ID, TO, "end"))
                .when(new CloseProgram(ID, TO, "other"))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "PROGRAM_CLOSED", null));
    }

    @Test
    void aClosureBeforeTheStartIsRejected() {
        fixture.given(launched())
                .when(new CloseProgram(ID, FROM.minusDays(1), "x"))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE, "CLOSE_BEFORE_START", "closedOn"));
    }

    @Test
    void closingAnUnknownProgrammeFails() {
        fixture.givenNoPriorActivity()
                .when(new CloseProgram(ID, FROM, "x"))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void parametersMustFitTheKind() {
        assertThatThrownBy(() -> new LaunchProgram(ID, "x", ReliefKind.DISCOUNT, FROM, TO, null, null, null))
                .hasMessageContaining("parameters.percent");
        assertThatThrownBy(() -> new LaunchProgram(ID, "x", ReliefKind.COMPENSATION, FROM, TO, null,
                new ReliefParameters(new BigDecimal("100.5"), null, null, null, null, null), null))
                .hasMessageContaining("parameters.percent");
        assertThatThrownBy(() -> new LaunchProgram(ID, "x", ReliefKind.INSTALLMENT, FROM, TO, null,
                new ReliefParameters(null, null, 6, 3, 2, null), null))
                .hasMessageContaining("parameters.maxInstallments");
        assertThatThrownBy(() -> new LaunchProgram(ID, "x", ReliefKind.DEFERRAL, FROM, TO, null,
                new ReliefParameters(null, 30, null, null, null, null), null))
                .hasMessageContaining("parameters.maxDeferralMonths");
        assertThatThrownBy(() -> new LaunchProgram(ID, "x", ReliefKind.PENALTY_AMNESTY, FROM, TO, null, null, null))
                .hasMessageContaining("parameters.amnestyMonthsPaidInFull");
        assertThatThrownBy(() -> new LaunchProgram(ID, "x", ReliefKind.PENALTY_MORATORIUM, TO, FROM, null, null, null))
                .hasMessageContaining("activeTo");
        assertThat(new LaunchProgram(ID, "x", ReliefKind.PENALTY_MORATORIUM, FROM, null, null, null, null).eligibility())
                .isEqualTo(Eligibility.everyone());
    }

    @Test
    void theWindowAndClosureDecideWhetherItIsActive() {
        ProgramState state = ProgramState.initial().evolve(launched());
        assertThat(state.isActiveOn(FROM.minusDays(1))).isFalse();
        assertThat(state.isActiveOn(FROM)).isTrue();
        assertThat(state.isActiveOn(TO)).isTrue();
        assertThat(state.isActiveOn(TO.plusDays(1))).isFalse();
        ProgramState closed = state.evolve(new ProgramClosed(ID, LocalDate.of(2026, 6, 30), "x"));
        assertThat(closed.isActiveOn(LocalDate.of(2026, 6, 29))).isTrue();
        assertThat(closed.isActiveOn(LocalDate.of(2026, 6, 30))).isFalse();
    }

    @Test
    void theAggregateIdentifierCannotCollideWithAnAccount() {
        assertThat(ID.toString()).isEqualTo("PROGRAM:LARGE-FAMILY-30");
    }

    static LaunchProgram launch() {
        return new LaunchProgram(ID, " Large families: 30% ", ReliefKind.DISCOUNT, FROM, TO, LARGE_FAMILIES_IN_MOSCOW,
                THIRTY_PERCENT, Money.parse("1000000.00"));
    }

    static ProgramLaunched launched() {
        return new ProgramLaunched(ID, "Large families: 30%", ReliefKind.DISCOUNT, FROM, TO, LARGE_FAMILIES_IN_MOSCOW,
                THIRTY_PERCENT, Money.parse("1000000.00"));
    }

    static ProgramReceipt receipt(LocalDate closedOn, String reason, boolean duplicate) {
        return new ProgramReceipt(ID, "Large families: 30%", ReliefKind.DISCOUNT, FROM, TO, LARGE_FAMILIES_IN_MOSCOW,
                THIRTY_PERCENT, Money.parse("1000000.00"), closedOn, reason, duplicate);
    }

    static Matcher<LedgerRuleViolation> violation(LedgerRuleViolation.Kind kind, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerRuleViolation v) {
                return v.kind() == kind && v.code().equals(code) && Objects.equals(v.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("LedgerRuleViolation " + kind + " " + code + " on field " + field);
            }
        };
    }
}

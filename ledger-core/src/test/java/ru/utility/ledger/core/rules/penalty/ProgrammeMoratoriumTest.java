package ru.utility.ledger.core.rules.penalty;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.DebtPart;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.core.api.penalty.PartPenalty;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;
import ru.utility.ledger.core.testing.Samples;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.rules.penalty.PenaltyCalculatorTest.debt;

/** Moratoria of relief programmes added to the shipped rules (PenaltyRules.withMoratoria). */
class ProgrammeMoratoriumTest {

    private static final PenaltyRules SHIPPED = PenaltyRules.shipped();
    private static final String SOURCE = "relief programme MORATORIUM-26 (Regional emergency)";

    @Test
    void theShippedDataCarriesThe2020MoratoriumWithItsDecree() {
        assertThat(SHIPPED.moratoria()).filteredOn(Moratorium::coversEveryDebt).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo(LocalDate.of(2020, 4, 6));
            // "to 1 January 2021" in the decree's words: the last day without penalty is 31 December 2020.
            assertThat(m.through()).isEqualTo(LocalDate.of(2020, 12, 31));
            assertThat(m.source()).contains("Government Decree No. 424 of 2 April 2020");
        });
        assertThat(SHIPPED.moratoriumOn(LocalDate.of(2020, 4, 5))).isNull();
        assertThat(SHIPPED.moratoriumOn(LocalDate.of(2020, 4, 6))).isNotNull();
        assertThat(SHIPPED.moratoriumOn(LocalDate.of(2020, 12, 31))).isNotNull();
        assertThat(SHIPPED.moratoriumOn(LocalDate.of(2021, 1, 1))).isNull();
    }

    @Test
    void aProgrammeMoratoriumAccruesNothingInsideAndNamesTheProgramme() {
        // Due 10 Jan 2026, unpaid: days 31-90 are 10 Feb - 10 Apr 2026; the programme covers 1 Mar - 31 Mar 2026.
        Moratorium programme = new Moratorium(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), SOURCE);
        PenaltyCalculator with = new PenaltyCalculator(SHIPPED.withMoratoria(List.of(programme)));
        PenaltyCalculator without = new PenaltyCalculator(SHIPPED);
        PenaltyDebt debt = debt(ChargeId.of("ENERGY-2025-12"), "2025-12", "3000.00", LocalDate.of(2026, 1, 10));
        LocalDate asOf = LocalDate.of(2026, 4, 10);

        PenaltyStatement statement = with.calculate(List.of(debt), asOf);

        PartPenalty part = statement.charges().getFirst().parts().getFirst();
        assertThat(part.segments()).filteredOn(s -> SOURCE.equals(s.moratorium()))
                .singleElement().satisfies(s -> {
                    assertThat(s.from()).isEqualTo(LocalDate.of(2026, 3, 1));
                    assertThat(s.through()).isEqualTo(LocalDate.of(2026, 3, 31));
                    assertThat(s.days()).isEqualTo(31);
                    assertThat(s.amount()).isEqualByComparingTo("0");
                });
        // 10 Feb - 28 Feb (19 days) and 1 Apr - 10 Apr (10 days) at 1/300 of 9.5%: 300000 * 0.095 * 29 / 300 = 2755 kop.
        assertThat(statement.total()).isEqualTo(Money.parse("27.55"));
        // Without the programme all 60 days accrue: 300000 * 0.095 * 60 / 300 = 5700 kop.
        assertThat(without.calculate(List.of(debt), asOf).total()).isEqualTo(Money.parse("57.00"));
    }

    @Test
    void outsideTheProgrammeWindowNothingChanges() {
        Moratorium programme = new Moratorium(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), SOURCE);
        PenaltyDebt debt = debt(ChargeId.of("ENERGY-2025-12"), "2025-12", "3000.00", LocalDate.of(2026, 1, 10));
        LocalDate asOf = LocalDate.of(2026, 4, 10);

        assertThat(new PenaltyCalculator(SHIPPED.withMoratoria(List.of(programme))).calculate(List.of(debt), asOf))
                .isEqualTo(new PenaltyCalculator(SHIPPED).calculate(List.of(debt), asOf));
        assertThat(SHIPPED.withMoratoria(List.of())).isSameAs(SHIPPED);
    }

    /** Penalties are zero inside any moratorium, never negative, and monotone in days overdue with one. */
    @Test
    void anyProgrammeMoratoriumKeepsThePenaltyZeroInsideNonNegativeAndMonotone() {
        PenaltyRules constant = PenaltyRules.parse("""
                band 31 300 law
                band 91 130 law
                key-rate 2016-01-01 12.75 constant for the test
                """);
        Samples.forAll(Samples.longsBetween(1, 1_000_000_000L), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            LocalDate due = LocalDate.of(2016, 2, 10).plusDays(random.nextInt(3_500));
            LocalDate from = due.plusDays(random.nextInt(0, 400));
            LocalDate through = from.plusDays(random.nextInt(0, 300));
            PenaltyCalculator calculator = new PenaltyCalculator(constant.withMoratoria(
                    List.of(new Moratorium(from, through, "programme P" + seed))));
            String amount = Money.ofKopecks(1 + random.nextLong(Money.MAX_INPUT_KOPECKS)).toDecimalString();

            // A debt whose accruing days (from day 31) all lie inside the window accrues nothing.
            LocalDate insideDue = from.minusDays(31);
            LocalDate paidInside = from.plusDays(random.nextInt(0, (int) (through.toEpochDay() - from.toEpochDay()) + 1));
            assertThat(calculator.calculate(List.of(debt(ChargeId.of("C"), "2016-01", amount, insideDue,
                    new DebtPart(Money.parse(amount), paidInside))), through.plusDays(1)).total()).isEqualTo(Money.ZERO);

            int days = random.nextInt(0, 900);
            int more = random.nextInt(1, 200);
            Money earlier = calculator.calculate(List.of(debt(ChargeId.of("C"), "2016-01", amount, due)),
                    due.plusDays(days)).total();
            Money later = calculator.calculate(List.of(debt(ChargeId.of("C"), "2016-01", amount, due)),
                    due.plusDays(days + more)).total();
            assertThat(earlier.isNegative()).isFalse();
            assertThat(later).isGreaterThanOrEqualTo(earlier);
        });
    }
}

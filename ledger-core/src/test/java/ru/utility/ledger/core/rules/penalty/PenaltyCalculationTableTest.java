package ru.utility.ledger.core.rules.penalty;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.DebtPart;
import ru.utility.ledger.core.api.penalty.PenaltyCalculationTable;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The court layout of a penalty statement, checked against sums made by hand from the acts. */
class PenaltyCalculationTableTest {

    private final PenaltyCalculator calculator = new PenaltyCalculator(PenaltyRules.shipped());

    /**
     * domain.md's worked example: 2,400.00 for June 2023, due 10 July 2023, paid 20 October 2023, at 9.5% (the lesser
     * of 9.5% and the 13% key rate of the payment day). Days 31-90 (10 August - 8 October): 2400 x 60 x 1/300 x 9.5% =
     * 45.600000; days 91-102 (9-20 October): 2400 x 12 x 1/130 x 9.5% = 21.046154. Total 66.65.
     */
    @Test
    void thePaidExampleHasOneRowPerBand() {
        PenaltyDebt june = new PenaltyDebt(ChargeId.of("ENERGY-2023-06"), BillingPeriod.parse("2023-06"),
                Money.parse("2400.00"), LocalDate.of(2023, 7, 10),
                List.of(new DebtPart(Money.parse("2400.00"), LocalDate.of(2023, 10, 20))));

        PenaltyCalculationTable table = PenaltyCalculationTable.of(calculator.calculate(List.of(june), LocalDate.of(2023, 10, 31)));

        assertThat(table.rows()).extracting(r -> r.from() + ".." + r.through() + " " + r.days() + " " + r.fraction() + " "
                + r.penalty()).containsExactly("2023-08-10..2023-10-08 60 1/300 45.600000",
                "2023-10-09..2023-10-20 12 1/130 21.046154");
        assertThat(table.rows().getFirst().formula()).isEqualTo("2400.00 x 60 x 1/300 x 9.5%");
        assertThat(table.total()).isEqualTo(Money.parse("66.65"));
        assertThat(table.charges()).singleElement().satisfies(c -> assertThat(c.penalty()).isEqualTo(Money.parse("66.65")));
        assertThat(table.moratoriumDays()).isZero();
        assertThat(table.moratoriumForgone()).isEqualTo(Money.ZERO);
    }

    /**
     * The second example: 3,000.00 due 10 January 2022, unpaid on 31 December 2022 (355 days), at 7.5% (the
     * key rate of the calculation day, less than 9.5%). The bankruptcy moratorium (1 April - 1 October 2022, Decree 497)
     * covers debts due before 1 April. Days 31-90: 10 February - 31 March, 50 days: 3000 x 50 x 1/300 x 7.5% = 37.50;
     * 1-10 April, 10 days in the moratorium (would be 7.50). Days 91-355: 11 April - 1 October, 174 days in the
     * moratorium (would be 3000 x 174 x 1/130 x 7.5% = 301.153846); 2 October - 31 December, 91 days: 157.50. Owed
     * 195.00; forgone 308.653846, 308.65; 184 moratorium days.
     */
    @Test
    void moratoriumDaysAreRowsOfTheirOwnWithWhatTheyWouldHaveAccrued() {
        PenaltyDebt december = new PenaltyDebt(ChargeId.of("ENERGY-2021-12"), BillingPeriod.parse("2021-12"),
                Money.parse("3000.00"), LocalDate.of(2022, 1, 10), List.of());

        PenaltyCalculationTable table = PenaltyCalculationTable.of(calculator.calculate(List.of(december),
                LocalDate.of(2022, 12, 31)));

        assertThat(table.rows()).extracting(r -> r.from() + ".." + r.through() + " " + r.days() + " " + r.fraction() + " "
                + (r.moratorium() == null ? "-" : "M") + " " + r.moratoriumAmount() + " " + r.penalty())
                .containsExactly("2022-02-10..2022-03-31 50 1/300 - 0.000000 37.500000",
                        "2022-04-01..2022-04-10 10 1/300 M 7.500000 0.000000",
                        "2022-04-11..2022-10-01 174 1/130 M 301.153846 0.000000",
                        "2022-10-02..2022-12-31 91 1/130 - 0.000000 157.500000");
        assertThat(table.total()).isEqualTo(Money.parse("195.00"));
        assertThat(table.moratoriumDays()).isEqualTo(184);
        assertThat(table.moratoriumForgone()).isEqualTo(Money.parse("308.65"));
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.ratePercent()).isEqualByComparingTo("7.5"));
    }
}

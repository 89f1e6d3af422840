package ru.utility.ledger.core.rules.penalty;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.BandSegment;
import ru.utility.ledger.core.api.penalty.PartPenalty;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bankruptcy moratorium of Government Decree No. 497 of 28 March 2022: from 1 April through 1 October 2022
 * no penalty accrues on debts that arose before it (charges due before 1 April 2022); the days still count for
 * the bands. It is shipped as a {@code debt-moratorium} row of the penalty rules.
 */
class BankruptcyMoratoriumTest {

    private static final PenaltyCalculator SHIPPED = new PenaltyCalculator(PenaltyRules.shipped());

    /**
     * The second example: 3,000.00 due 10 Jan 2022, unpaid on 31 Dec 2022. Overdue 11 Jan - 31 Dec 2022 =
     * 355 days. Days 1-30 are 11 Jan - 9 Feb. Days 31-90 are 10 Feb - 10 Apr (60 days), of which 1-10 Apr lie in
     * the moratorium: 50 accruing days (10 Feb - 31 Mar). Days 91-355 are 11 Apr - 31 Dec (265 days), of which
     * 11 Apr - 1 Oct (20 + 31 + 30 + 31 + 31 + 30 + 1 = 174 days) lie in it: 91 accruing days (2 Oct - 31 Dec).
     * The rate counts on the calculation day, 31 Dec 2022: the key rate was 7.5%, less than 9.5%, so 7.5% (part
     * one of the issue: Decree 474 as amended by Decree 1681). 3000 x 0.075 = 225 a year;
     * 225 / 300 x 50 = 37.50; 225 / 130 x 91 = 157.50; total 195.00. Both rules are needed: the moratorium alone
     * at 9.5% gives 285 / 300 x 50 + 285 / 130 x 91 = 47.50 + 199.50 = 247.00, the lesser-of alone
     * 225 / 300 x 60 + 225 / 130 x 265 = 45.00 + 458.65 = 503.65, neither 637.96.
     */
    @Test
    void aDebtDueBeforeAprilAccruesNothingFromAprilThroughOctoberFirst() {
        PenaltyDebt debt = new PenaltyDebt(ChargeId.of("ENERGY-2021-12"), BillingPeriod.parse("2021-12"),
                Money.parse("3000.00"), LocalDate.of(2022, 1, 10), List.of());

        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2022, 12, 31));

        assertThat(statement.total()).isEqualTo(Money.parse("195.00"));
        PartPenalty part = statement.charges().getFirst().parts().getFirst();
        assertThat(part.overdueDays()).isEqualTo(355);
        assertThat(part.rate().percent()).isEqualByComparingTo("7.50");
        assertThat(part.segments()).filteredOn(s -> s.moratorium() == null)
                .extracting(BandSegment::fraction, BandSegment::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1/300", 50),
                        org.assertj.core.groups.Tuple.tuple("1/130", 91));
        assertThat(part.segments()).filteredOn(s -> s.moratorium() != null)
                .allSatisfy(s -> {
                    assertThat(s.moratorium()).contains("Decree No. 497");
                    assertThat(s.amount()).isZero();
                })
                .extracting(BandSegment::days).containsExactly(10, 174);
    }

    /** A charge due on 11 April 2022 arose during the moratorium, which does not cover it. */
    @Test
    void aDebtDueFromAprilFirstOnIsNotCovered() {
        PenaltyDebt debt = new PenaltyDebt(ChargeId.of("ENERGY-2022-03"), BillingPeriod.parse("2022-03"),
                Money.parse("2000.00"), LocalDate.of(2022, 4, 11), List.of());

        PartPenalty part = SHIPPED.calculate(List.of(debt), LocalDate.of(2022, 9, 1)).charges().getFirst()
                .parts().getFirst();

        assertThat(part.segments()).allSatisfy(s -> assertThat(s.moratorium()).isNull());
    }

    @Test
    void theSupplyRulesSeeNoMoratoriumForEveryDebtIn2022() {
        assertThat(PenaltyRules.shipped().moratoriumOn(LocalDate.of(2022, 6, 1))).isNull();
        assertThat(PenaltyRules.shipped().moratoriumOn(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 3, 10)))
                .isNotNull();
        assertThat(PenaltyRules.shipped().moratoriumOn(LocalDate.of(2022, 10, 2), LocalDate.of(2022, 3, 10)))
                .isNull();
    }
}

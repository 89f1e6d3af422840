package ru.utility.ledger.core.rules.penalty;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.AppliedRate;
import ru.utility.ledger.core.api.penalty.BandSegment;
import ru.utility.ledger.core.api.penalty.ChargePenalty;
import ru.utility.ledger.core.api.penalty.DebtPart;
import ru.utility.ledger.core.api.penalty.DueDateShift;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.core.api.penalty.PartPenalty;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PenaltyCalculatorTest {

    private static final PenaltyCalculator SHIPPED = new PenaltyCalculator(PenaltyRules.shipped());
    private static final ChargeId JUNE = ChargeId.of("ENERGY-2023-06");

    /**
     * domain.md's worked example: 2,400.00 for 2023-06, due 10 July 2023, paid 20 October 2023. The key rate on
     * the payment day was 13%, so the lesser of it and the 9.5% of 27 February 2022 is 9.5% (Decree 474 as
     * amended by Decree 1681 and extended through 2023 by Decree 2479).
     */
    @Test
    void theWorkedExampleIs66Roubles65() {
        PenaltyDebt debt = debt(JUNE, "2023-06", "2400.00", LocalDate.of(2023, 7, 10),
                new DebtPart(Money.parse("2400.00"), LocalDate.of(2023, 10, 20)));

        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2026, 11, 20));

        assertThat(statement.total()).isEqualTo(Money.parse("66.65"));
        ChargePenalty charge = statement.charges().getFirst();
        PartPenalty part = charge.parts().getFirst();
        assertThat(part.overdueDays()).isEqualTo(102);
        assertThat(part.rate().percent()).isEqualByComparingTo("9.50");
        assertThat(part.rate().rule()).isEqualTo("LESSER_OF");
        assertThat(part.rate().source()).contains("474", "1681", "2479");
        assertThat(part.segments()).extracting(BandSegment::fraction, BandSegment::days, BandSegment::from, BandSegment::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1/300", 60, LocalDate.of(2023, 8, 10), new BigDecimal("45.600000")),
                        org.assertj.core.groups.Tuple.tuple("1/130", 12, LocalDate.of(2023, 10, 9), new BigDecimal("21.046154")));
        assertThat(charge.exact()).isEqualByComparingTo("66.646154");
    }

    @Test
    void theFirstThirtyDaysAccrueNothing() {
        PenaltyDebt debt = debt(JUNE, "2023-06", "2400.00", LocalDate.of(2023, 7, 10),
                new DebtPart(Money.parse("2400.00"), LocalDate.of(2023, 8, 9)));

        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2026, 11, 20)).total()).isEqualTo(Money.ZERO);
        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2026, 11, 20)).charges()).isEmpty();
    }

    @Test
    void anUnpaidDebtAccruesToTheCalculationDayAtThatDaysRate() {
        PenaltyDebt debt = debt(JUNE, "2023-06", "2400.00", LocalDate.of(2023, 7, 10));

        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 10, 20));

        assertThat(statement.total()).isEqualTo(Money.parse("66.65"));
        assertThat(statement.charges().getFirst().parts().getFirst().paidOn()).isNull();
    }

    @Test
    void aPartPaidAfterTheCalculationDayIsStillUnpaidOnIt() {
        PenaltyDebt debt = debt(JUNE, "2023-06", "2400.00", LocalDate.of(2023, 7, 10),
                new DebtPart(Money.parse("2400.00"), LocalDate.of(2024, 1, 1)));

        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 10, 20)).total()).isEqualTo(Money.parse("66.65"));
    }

    @Test
    void eachPaidPartAccruesUntilItWasPaidAndIsRoundedOnlyAsAWhole() {
        // 1,200.00 paid on day 102 and 1,200.00 still unpaid on day 102: the same as the whole debt.
        PenaltyDebt debt = debt(JUNE, "2023-06", "2400.00", LocalDate.of(2023, 7, 10),
                new DebtPart(Money.parse("1200.00"), LocalDate.of(2023, 10, 20)));

        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 10, 20));

        assertThat(statement.charges().getFirst().parts()).hasSize(2);
        assertThat(statement.total()).isEqualTo(Money.parse("66.65"));
    }

    @Test
    void moratoriumDaysCountForTheBandsButAccrueNothing() {
        // Due 10 Feb 2020, paid 30 Apr 2021: days inside 6 Apr - 31 Dec 2020 accrue nothing.
        PenaltyDebt debt = debt(ChargeId.of("ENERGY-2020-01"), "2020-01", "1000.00", LocalDate.of(2020, 2, 10),
                new DebtPart(Money.parse("1000.00"), LocalDate.of(2021, 4, 30)));

        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2026, 11, 20));

        PartPenalty part = statement.charges().getFirst().parts().getFirst();
        assertThat(part.rate().percent()).isEqualByComparingTo("5.00");
        assertThat(part.segments()).filteredOn(s -> s.moratorium() != null)
                .allSatisfy(s -> assertThat(s.amount()).isEqualByComparingTo("0"))
                .extracting(BandSegment::days).containsExactly(35, 235);
        assertThat(part.segments()).filteredOn(s -> s.moratorium() == null)
                .extracting(BandSegment::fraction, BandSegment::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1/300", 25), org.assertj.core.groups.Tuple.tuple("1/130", 120));
        // Day 31 is 12 Mar 2020: 12 Mar - 5 Apr at 1/300 (25 days), 1 Jan - 30 Apr 2021 at 1/130 (120 days),
        // at the 5.00% in force on the payment day: 5000 kop * (25/300 + 120/130) = 416.67 + 4615.38 = 5032.05
        assertThat(statement.total()).isEqualTo(Money.parse("50.32"));
    }

    @Test
    void aDebtPaidInsideTheMoratoriumAccruesNothing() {
        PenaltyDebt debt = debt(ChargeId.of("ENERGY-2020-02"), "2020-02", "1000.00", LocalDate.of(2020, 3, 10),
                new DebtPart(Money.parse("1000.00"), LocalDate.of(2020, 12, 31)));

        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2026, 11, 20)).total()).isEqualTo(Money.ZERO);
    }

    @Test
    void in2024TheLesserOfNineAndAHalfPercentAndTheKeyRateApplies() {
        AppliedRate rate = SHIPPED.rules().rateOn(LocalDate.of(2024, 8, 1));
        assertThat(rate.percent()).isEqualByComparingTo("9.50");
        assertThat(rate.rule()).isEqualTo("LESSER_OF");

        PenaltyRules lowKeyRate = PenaltyRules.parse("""
                band 31 300 law
                key-rate 2024-01-01 7.00 low rate
                fixed-rate 2024-01-01 2024-12-31 9.50 LESSER_OF decree
                """);
        AppliedRate lesser = lowKeyRate.rateOn(LocalDate.of(2024, 8, 1));
        assertThat(lesser.percent()).isEqualByComparingTo("7.00");
        assertThat(lesser.rule()).isEqualTo("LESSER_OF");
        assertThat(lesser.source()).contains("decree", "low rate");
    }

    /**
     * The first example. 5,000.00 due 10 Nov 2022, paid 1 Mar 2023: overdue 11 Nov 2022 - 1 Mar 2023 =
     * 20 + 31 + 31 + 28 + 1 = 111 days. Days 1-30 (11 Nov - 10 Dec) accrue nothing; days 31-90 (11 Dec - 8 Feb,
     * 60 days) at 1/300; days 91-111 (9 Feb - 1 Mar, 21 days) at 1/130. The key rate on 1 Mar 2023 was 7.5%
     * (decision of 16 Sep 2022), less than 9.5%, so 7.5% counts (Decree 474 as amended by Decree 1681, extended
     * by Decree 2479): 5000 x 0.075 / 300 x 60 = 75.00; 5000 x 0.075 / 130 x 21 = 7875 / 130 = 60.576923...;
     * total 135.576923... = 135.58. The fixed 9.5% gave 95.00 + 76.73 = 171.73.
     */
    @Test
    void in2023TheLowerKeyRateOfThePaymentDayCounts() {
        PenaltyDebt debt = debt(ChargeId.of("ENERGY-2022-10"), "2022-10", "5000.00", LocalDate.of(2022, 11, 10),
                new DebtPart(Money.parse("5000.00"), LocalDate.of(2023, 3, 1)));

        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2026, 11, 20));

        assertThat(statement.total()).isEqualTo(Money.parse("135.58"));
        PartPenalty part = statement.charges().getFirst().parts().getFirst();
        assertThat(part.overdueDays()).isEqualTo(111);
        assertThat(part.rate().percent()).isEqualByComparingTo("7.50");
        assertThat(part.rate().rule()).isEqualTo("LESSER_OF");
        assertThat(part.rate().source()).contains("1681", "key rate 7.50% is the lesser");
    }

    /**
     * Decree 1681 (23 Sep 2022) replaced the fixed rate; payment days before it keep the original wording of
     * Decree 474 (the key rate of 27 Feb 2022, 9.5%) although the key rate was 8% from 25 Jul 2022.
     */
    @Test
    void in2022TheLesserOfAppliesFromDecree1681AndTheFixedRateBefore() {
        AppliedRate before = SHIPPED.rules().rateOn(LocalDate.of(2022, 9, 22));
        assertThat(before.percent()).isEqualByComparingTo("9.50");
        assertThat(before.rule()).isEqualTo("FIXED");
        assertThat(before.source()).contains("474").doesNotContain("1681");

        AppliedRate from = SHIPPED.rules().rateOn(LocalDate.of(2022, 9, 23));
        assertThat(from.percent()).isEqualByComparingTo("7.50");
        assertThat(from.rule()).isEqualTo("LESSER_OF");
        assertThat(from.source()).contains("1681");
    }

    /** From 24 Jul 2023 the key rate was 8.5%, from 15 Aug 2023 12%: the lesser of each and 9.5%. */
    @Test
    void in2023TheCapBitesOnlyOnceTheKeyRateExceedsNineAndAHalf() {
        assertThat(SHIPPED.rules().rateOn(LocalDate.of(2023, 8, 14)).percent()).isEqualByComparingTo("8.50");
        assertThat(SHIPPED.rules().rateOn(LocalDate.of(2023, 8, 15)).percent()).isEqualByComparingTo("9.50");
    }

    @Test
    void decree329CapsTheRateAtNineAndAHalfIn2025And2026AndTheKeyRateAppliesOutsideTheWindows() {
        AppliedRate rate2025 = SHIPPED.rules().rateOn(LocalDate.of(2025, 7, 1));
        assertThat(rate2025.percent()).isEqualByComparingTo("9.50");
        assertThat(rate2025.rule()).isEqualTo("LESSER_OF");
        assertThat(SHIPPED.rules().rateOn(LocalDate.of(2026, 11, 20)).source()).contains("329");
        AppliedRate keyRate = SHIPPED.rules().rateOn(LocalDate.of(2021, 11, 1));
        assertThat(keyRate.rule()).isEqualTo("KEY_RATE");
        assertThat(keyRate.percent()).isEqualByComparingTo("7.50");
    }

    @Test
    void aDayBeforeTheFirstKeyRateIsRefused() {
        PenaltyDebt debt = debt(ChargeId.of("ENERGY-2015-01"), "2015-01", "1000.00", LocalDate.of(2015, 2, 10));

        assertThatThrownBy(() -> SHIPPED.calculate(List.of(debt), LocalDate.of(2015, 12, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no key rate is known for 2015-12-01");
    }

    @Test
    void malformedRulesNameTheirLine() {
        assertThatThrownBy(() -> PenaltyRules.parse("band 31 300 law\nkey-rate 2024-13-01 7.00 x"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PenaltyRules.parse("band 31 300 law\nkey-rate 2024-01-01 7.00"))
                .hasMessageContaining("line 2").hasMessageContaining("source");
        assertThatThrownBy(() -> PenaltyRules.parse("band 31 300 law\nkey-rate 2024-01-01 7.00 x\n"
                + "fixed-rate 2024-01-01 2024-12-31 9.5 FIXED a\nfixed-rate 2024-06-01 2025-12-31 9.5 FIXED b"))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> PenaltyRules.parse("frobnicate 1")).hasMessageContaining("unknown rule");
    }

    @Test
    void theShippedRulesCarryEverySourceWithSpaces() {
        assertThat(SHIPPED.rules().moratoria()).extracting(Moratorium::source).hasSize(2)
                .contains("Government Decree No. 424 of 2 April 2020")
                .anySatisfy(source -> assertThat(source).startsWith("Government Decree No. 497 of 28 March 2022"));
        assertThat(SHIPPED.rules().bands()).extracting(PenaltyBand::fromDay, PenaltyBand::denominator)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(31, 300), org.assertj.core.groups.Tuple.tuple(91, 130));
        assertThat(SHIPPED.rules().keyRates()).allSatisfy(k -> assertThat(k.source()).startsWith("Bank of Russia"));
    }

    /** The worked example deferred before it fell due to 10 September: only days 31-40 after it accrue. */
    @Test
    void aDeferralGrantedBeforeTheDueDateMovesIt() {
        DueDateShift deferral = new DueDateShift(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 9, 10), "deferral D");
        PenaltyDebt debt = new PenaltyDebt(JUNE, BillingPeriod.parse("2023-06"), Money.parse("2400.00"),
                LocalDate.of(2023, 7, 10), List.of(new DebtPart(Money.parse("2400.00"), LocalDate.of(2023, 10, 20))),
                List.of(deferral));

        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 9, 10)).total()).isEqualTo(Money.ZERO);
        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 10, 20));
        // 2400 x 9.5% / 300 x 10 days.
        assertThat(statement.total()).isEqualTo(Money.parse("7.60"));
        assertThat(statement.charges().getFirst().dueDate()).isEqualTo(LocalDate.of(2023, 9, 10));
        assertThat(statement.charges().getFirst().parts()).singleElement()
                .satisfies(p -> assertThat(p.overdueDays()).isEqualTo(40));
    }

    /**
     * Granted on 20 August 2023, the 41st day overdue: days 31-40 accrued 7.60 before it, which stays; no
     * penalty during it (to 20 December); afterwards the days count afresh from 20 December.
     */
    @Test
    void aDeferralOfAnOverdueChargeKeepsWhatAccruedBeforeAndAccruesNothingWhileItRuns() {
        DueDateShift deferral = new DueDateShift(LocalDate.of(2023, 8, 20), LocalDate.of(2023, 12, 20), "deferral D");
        PenaltyDebt debt = new PenaltyDebt(JUNE, BillingPeriod.parse("2023-06"), Money.parse("2400.00"),
                LocalDate.of(2023, 7, 10), List.of(), List.of(deferral));

        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 8, 19)).total()).isEqualTo(Money.parse("7.60"));
        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 10, 1)).total()).isEqualTo(Money.parse("7.60"));
        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2023, 12, 20)).total()).isEqualTo(Money.parse("7.60"));
        assertThat(SHIPPED.calculate(List.of(debt), LocalDate.of(2024, 1, 19)).total()).isEqualTo(Money.parse("7.60"));
        // 20 January 2024 is the 31st day after the deferral's end: one more day at 1/300.
        PenaltyStatement statement = SHIPPED.calculate(List.of(debt), LocalDate.of(2024, 1, 20));
        assertThat(statement.total()).isEqualTo(Money.parse("8.36"));
        assertThat(statement.charges().getFirst().parts()).extracting(PartPenalty::accruesThrough, PartPenalty::overdueDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 8, 19), 40),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 1, 20), 31));
    }

    @Test
    void shiftsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new PenaltyDebt(JUNE, BillingPeriod.parse("2023-06"), Money.parse("1.00"),
                LocalDate.of(2023, 7, 10), List.of(), List.of(
                new DueDateShift(LocalDate.of(2023, 9, 1), LocalDate.of(2023, 10, 1), "b"),
                new DueDateShift(LocalDate.of(2023, 8, 1), LocalDate.of(2023, 9, 1), "a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static PenaltyDebt debt(ChargeId id, String period, String amount, LocalDate due, DebtPart... paid) {
        return new PenaltyDebt(id, BillingPeriod.parse(period), Money.parse(amount), due, List.of(paid));
    }
}

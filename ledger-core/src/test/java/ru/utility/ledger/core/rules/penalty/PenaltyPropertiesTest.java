package ru.utility.ledger.core.rules.penalty;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.DebtPart;
import ru.utility.ledger.core.testing.Samples;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.rules.penalty.PenaltyCalculatorTest.debt;

/** Properties of the penalty over seeded random debts (Samples harness; jqwik is not used here). */
class PenaltyPropertiesTest {

    private static final PenaltyCalculator SHIPPED = new PenaltyCalculator(PenaltyRules.shipped());
    private static final PenaltyCalculator CONSTANT_RATE = new PenaltyCalculator(PenaltyRules.parse("""
            band 31 300 law
            band 91 130 law
            key-rate 2016-01-01 12.75 constant for the test
            """));
    private static final LocalDate FIRST_DUE = LocalDate.of(2016, 1, 11);
    private static final int SPAN_DAYS = 3_900;

    @Test
    void neverNegativeAndZeroWhenPaidWithinThirtyDays() {
        Samples.forAll(Samples.longsBetween(1, 1_000_000_000L), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            LocalDate due = FIRST_DUE.plusDays(random.nextInt(SPAN_DAYS));
            Money amount = Money.ofKopecks(1 + random.nextLong(Money.MAX_INPUT_KOPECKS));
            LocalDate paid = due.plusDays(random.nextInt(0, 1_500));
            Money penalty = SHIPPED.calculate(List.of(debt(ChargeId.of("C"), "2016-01", amount.toDecimalString(), due,
                    new DebtPart(amount, paid))), paid.plusDays(1)).total();
            assertThat(penalty.isNegative()).isFalse();
            if (!paid.isAfter(due.plusDays(30))) {
                assertThat(penalty).isEqualTo(Money.ZERO);
            }
        });
    }

    @Test
    void monotoneInDaysOverdueUnderOneRate() {
        Samples.forAll(Samples.longsBetween(1, 1_000_000_000L), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            LocalDate due = FIRST_DUE.plusDays(random.nextInt(SPAN_DAYS));
            String amount = Money.ofKopecks(1 + random.nextLong(10_000_000_00L)).toDecimalString();
            int days = random.nextInt(0, 1_000);
            int more = random.nextInt(1, 200);
            Money earlier = CONSTANT_RATE.calculate(List.of(debt(ChargeId.of("C"), "2016-01", amount, due)),
                    due.plusDays(days)).total();
            Money later = CONSTANT_RATE.calculate(List.of(debt(ChargeId.of("C"), "2016-01", amount, due)),
                    due.plusDays(days + more)).total();
            assertThat(later).isGreaterThanOrEqualTo(earlier);
        });
    }

    @Test
    void zeroWhenEveryAccruingDayIsInsideTheMoratorium() {
        LocalDate start = LocalDate.of(2020, 4, 6);
        LocalDate end = LocalDate.of(2020, 12, 31);
        Samples.forAll(Samples.longsBetween(1, 1_000_000_000L), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            // Due at most 30 days before the window, so the first accruing day (31) is inside it.
            LocalDate due = start.minusDays(30).plusDays(random.nextInt(0, 200));
            LocalDate paid = due.plusDays(random.nextInt(0, 400));
            if (paid.isAfter(end)) {
                paid = end;
            }
            String amount = Money.ofKopecks(1 + random.nextLong(Money.MAX_INPUT_KOPECKS)).toDecimalString();
            Money penalty = SHIPPED.calculate(List.of(debt(ChargeId.of("C"), "2020-03", amount, due,
                    new DebtPart(Money.parse(amount), paid))), LocalDate.of(2026, 1, 1)).total();
            assertThat(penalty).isEqualTo(Money.ZERO);
        });
    }
}

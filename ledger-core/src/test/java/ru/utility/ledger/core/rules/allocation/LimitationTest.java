package ru.utility.ledger.core.rules.allocation;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.debt.Limitation;
import ru.utility.ledger.core.api.debt.OpenDebt;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Three years per charge from its due date (Civil Code arts. 191, 192, 196, 200). */
class LimitationTest {

    @Test
    void aChargeIsClaimableThroughTheSameDayThreeYearsLaterAndTimeBarredFromTheNext() {
        LocalDate due = LocalDate.of(2023, 10, 10);

        assertThat(Limitation.lastClaimableDay(due)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(Limitation.isTimeBarredOn(due, LocalDate.of(2026, 10, 10))).isFalse();
        assertThat(Limitation.isTimeBarredOn(due, LocalDate.of(2026, 10, 11))).isTrue();
    }

    /** Like a period of months ending in a month without the day (art. 192 p.3), it ends on the last day of February. */
    @Test
    void aDueDateOnTheTwentyNinthOfFebruaryRunsToTheTwentyEighth() {
        LocalDate due = LocalDate.of(2024, 2, 29);

        assertThat(Limitation.lastClaimableDay(due)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Limitation.isTimeBarredOn(due, LocalDate.of(2027, 3, 1))).isTrue();
    }

    @Test
    void theAllocatorSkipsTimeBarredPrincipalUnlessItsPeriodIsNamedAndKeepsPenaltiesLast() {
        OpenDebt old = OpenDebt.principal(ChargeId.of("OLD"), BillingPeriod.parse("2023-05"), LocalDate.of(2023, 6, 13),
                Money.parse("100.00"));
        OpenDebt recent = OpenDebt.principal(ChargeId.of("NEW"), BillingPeriod.parse("2026-09"),
                LocalDate.of(2026, 10, 15), Money.parse("100.00"));
        OpenDebt penalties = OpenDebt.penalties(Money.parse("5.00"));
        LocalDate paidOn = LocalDate.of(2026, 11, 2);

        assertThat(Allocator.order(null, List.of(old, recent, penalties), paidOn)).containsExactly(recent, penalties);
        assertThat(Allocator.order(BillingPeriod.parse("2023-05"), List.of(old, recent, penalties), paidOn))
                .containsExactly(old, recent, penalties);
        assertThat(Allocator.order(null, List.of(old, recent, penalties), LocalDate.of(2026, 6, 13)))
                .containsExactly(old, recent, penalties);
    }
}

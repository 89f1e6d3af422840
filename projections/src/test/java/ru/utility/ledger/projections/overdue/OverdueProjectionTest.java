package ru.utility.ledger.projections.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.projections.support.ProjectionDatabase;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;

/**
 * The overdue projection's handlers against the real tables: a redelivered event changes nothing, a
 * release makes debt unpaid again. The account ids are fresh,
 * and the rows are written by a second instance of the handler, as a replay would.
 */
class OverdueProjectionTest {

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();

    @Test
    void everyEventAppliesOnceEvenWhenDeliveredAgain() {
        OverdueProjection projection = new OverdueProjection(jdbc);
        AccountId account = AccountId.of(ProjectionDatabase.newAccountId());
        ChargeId charge = new ChargeId("ENERGY-2026-06");
        AccountOpened opened = new AccountOpened(account, "Twice", RegionCode.of("50"), LocalDate.parse("2026-01-01"));
        ChargePosted posted = new ChargePosted(account, charge, new BillingPeriod(YearMonth.of(2026, 6)),
                Money.of("500.00"), null, null, LocalDate.parse("2026-07-15"), new BillingPeriod(YearMonth.of(2026, 6)).next().firstDay());
        PaymentAllocated allocated = new PaymentAllocated(account, new PaymentId("P-1"), LocalDate.parse("2026-08-01"),
                AllocationSource.RECEIPT, List.of(Allocation.principal(charge, Money.of("200.00")),
                Allocation.penalty(Money.of("1.00"))));
        PaymentAllocationReleased released = new PaymentAllocationReleased(account, new PaymentId("P-1"),
                List.of(Allocation.principal(charge, Money.of("50.00"))));

        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(opened, 0);
            projection.on(posted, 1);
            projection.on(allocated, 2);
            projection.on(released, 4);
            // An event older than the last applied one arrives late: already applied, ignored.
            projection.on(allocated, 2);
        }
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT amount_kopecks, paid_kopecks, due_date FROM overdue_charge WHERE account_id = ?", account.value());
        assertThat(row.get("amount_kopecks")).isEqualTo(50_000L);
        assertThat(row.get("paid_kopecks")).isEqualTo(15_000L);
        assertThat(row.get("due_date").toString()).isEqualTo("2026-07-15");
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM projection_guard WHERE projection = 'overdue' AND aggregate_id = ?", Long.class,
                account.value())).isEqualTo(4);

    }

    @Test
    void anEventOfAnAccountItNeverSawOpenedFailsLoudly() {
        OverdueProjection projection = new OverdueProjection(jdbc);
        AccountId account = AccountId.of(ProjectionDatabase.newAccountId());
        assertThatThrownBy(() -> projection.on(new ChargePosted(account, new ChargeId("C-1"),
                new BillingPeriod(YearMonth.of(2026, 6)), Money.of("1.00"), null, null, LocalDate.parse("2026-07-15"), new BillingPeriod(YearMonth.of(2026, 6)).next().firstDay()), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the account's opening");
    }
}

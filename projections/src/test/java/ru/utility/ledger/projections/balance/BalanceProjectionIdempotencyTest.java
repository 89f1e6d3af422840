package ru.utility.ledger.projections.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.projections.support.ProjectionDatabase;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PersonalDataErased;

/** Redelivered events (a retried batch, a replay racing live processing) must not count twice. */
class BalanceProjectionIdempotencyTest {

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();
    private final TransactionTemplate transactions = ProjectionDatabase.get().transactions();

    @Test
    void eachEventAppliesOnce() {
        // Rolled back, as the test wrote it when it shared the application's database.
        transactions.executeWithoutResult(tx -> {
            appliesOnce();
            tx.setRollbackOnly();
        });
    }

    private void appliesOnce() {
        BalanceProjection projection = new BalanceProjection(jdbc);
        AccountId id = AccountId.of(ProjectionDatabase.newAccountId());
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        AccountOpened opened = new AccountOpened(id, "Twice", RegionCode.of("66"), LocalDate.of(2026, 1, 1));
        ChargePosted charge = new ChargePosted(id, ChargeId.of("C-1"), BillingPeriod.parse("2026-10"),
                Money.parse("300.00"), null, "Electricity", LocalDate.of(2026, 11, 16), BillingPeriod.parse("2026-10").next().firstDay());
        PaymentRecorded payment = new PaymentRecorded(id, PaymentId.of("P-1"), Money.parse("120.50"),
                PaymentChannel.AUTOPAY, LocalDate.of(2026, 11, 3), null);

        PenaltyAccrued penalty = new PenaltyAccrued(id, LocalDate.of(2026, 11, 20), Money.parse("5.25"), Money.parse("5.25"));
        PenaltyAccrued correction = new PenaltyAccrued(id, LocalDate.of(2026, 11, 21), Money.parse("-1.00"), Money.parse("4.25"));

        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(opened, 0, at);
            projection.on(charge, 1, at);
            projection.on(payment, 2, at);
            // sequence 3 is the payment's allocation, which moves no money and is not handled here
            projection.on(penalty, 4, at);
            projection.on(correction, 5, at);
        }
        // An older event arriving after a newer one is a redelivery too.
        projection.on(charge, 1, at);

        BalanceQueries queries = new BalanceQueries(jdbc);
        AccountBalanceView view = queries.find(id).orElseThrow();
        assertThat(view.balance()).isEqualTo(Money.parse("183.75"));
        assertThat(view.totalPenalties()).isEqualTo(Money.parse("4.25"));
        assertThat(view.totalCharged()).isEqualTo(Money.parse("300.00"));
        assertThat(view.totalPaid()).isEqualTo(Money.parse("120.50"));
        assertThat(view.chargeCount()).isEqualTo(1);
        assertThat(view.lastSequence()).isEqualTo(5);
    }

    @Test
    void anErasureAppliesOnceAndLeavesTheMoney() {
        transactions.executeWithoutResult(tx -> {
            BalanceProjection projection = new BalanceProjection(jdbc);
            AccountId id = AccountId.of(ProjectionDatabase.newAccountId());
            Instant at = Instant.parse("2026-11-01T10:00:00Z");
            AccountOpened opened = new AccountOpened(id, "Erased Twice", RegionCode.of("66"), LocalDate.of(2026, 1, 1));
            ChargePosted charge = new ChargePosted(id, ChargeId.of("C-1"), BillingPeriod.parse("2026-10"),
                    Money.parse("300.00"), null, "Electricity", LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 1));
            PersonalDataErased erased = new PersonalDataErased(id, LocalDate.of(2026, 11, 20), "Request No. 1");

            for (int delivery = 0; delivery < 2; delivery++) {
                projection.on(opened, 0, at);
                projection.on(charge, 1, at);
                projection.on(erased, 2, at);
            }

            AccountBalanceView view = new BalanceQueries(jdbc).find(id).orElseThrow();
            assertThat(view.holderName()).isEqualTo("[erased]");
            assertThat(view.balance()).isEqualTo(Money.parse("300.00"));
            assertThat(view.lastSequence()).isEqualTo(2);
            tx.setRollbackOnly();
        });
    }

    @Test
    void anEventForAnAccountWithoutRowFailsInsteadOfVanishing() {
        BalanceProjection projection = new BalanceProjection(jdbc);
        AccountId id = AccountId.of(ProjectionDatabase.newAccountId());
        PaymentRecorded payment = new PaymentRecorded(id, PaymentId.of("P-1"), Money.parse("1.00"),
                PaymentChannel.AUTOPAY, LocalDate.of(2026, 11, 3), null);
        assertThatThrownBy(() -> projection.on(payment, 1, Instant.parse("2026-11-03T10:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }
}

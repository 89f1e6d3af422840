package ru.utility.ledger.projections.statement;

import static org.assertj.core.api.Assertions.assertThat;

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
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;

class StatementProjectionIdempotencyTest {

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();
    private final TransactionTemplate transactions = ProjectionDatabase.get().transactions();

    @Test
    void eachEventAppliesOnceAndTheStatementAddsUp() {
        // Rolled back: rows without events would make the replay-equals-live check differ.
        transactions.executeWithoutResult(tx -> {
            appliesOnce();
            tx.setRollbackOnly();
        });
    }

    private void appliesOnce() {
        StatementProjection projection = new StatementProjection(jdbc);
        AccountId id = AccountId.of(ProjectionDatabase.newAccountId());
        Instant at = Instant.parse("2026-11-10T10:00:00Z");
        ChargePosted charge = new ChargePosted(id, ChargeId.of("C-1"), BillingPeriod.parse("2026-10"),
                Money.parse("300.00"), null, null, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 10));
        PaymentRecorded payment = new PaymentRecorded(id, PaymentId.of("P-1"), Money.parse("120.50"),
                PaymentChannel.AUTOPAY, LocalDate.of(2026, 11, 3), null);
        PaymentReversed reversal = new PaymentReversed(id, PaymentId.of("P-1"), Money.parse("120.50"), "Recall",
                LocalDate.of(2026, 11, 12));
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(charge, 1, at);
            projection.on(payment, 2, at);
            projection.on(reversal, 3, at);
        }

        Statement statement = new StatementQueries(jdbc).statement(id, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 30));
        assertThat(statement.movements()).extracting(Statement.Movement::kind)
                .containsExactly(MovementKind.PAYMENT, MovementKind.CHARGE, MovementKind.REVERSAL);
        assertThat(statement.movements().get(1).description()).isEqualTo("Charge for 2026-10");
        assertThat(statement.movements()).extracting(Statement.Movement::runningBalance)
                .containsExactly(Money.parse("-120.50"), Money.parse("179.50"), Money.parse("300.00"));
        assertThat(statement.openingBalance()).isEqualTo(Money.ZERO);
        assertThat(statement.closingBalance()).isEqualTo(Money.parse("300.00"));
    }
}

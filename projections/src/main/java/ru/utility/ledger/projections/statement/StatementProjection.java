package ru.utility.ledger.projections.statement;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.asof.RecordedAccountEvent;
import ru.utility.ledger.projections.jdbc.BatchedWrites;
import ru.utility.ledger.projections.jdbc.ProjectionGuard;

/**
 * Every money movement of an account, for statements. A pooled streaming processor; the JDBC writes and
 * the token commit together, and the shared {@link ProjectionGuard} makes a redelivered event a no-op. The
 * movement's date is {@link RecordedAccountEvent#businessDate()}, the same date the as-of balance uses,
 * so a statement's closing balance equals the as-of balance of its last day.
 */
@Component
@ProcessingGroup(StatementProjection.PROCESSING_GROUP)
public class StatementProjection {

    public static final String PROCESSING_GROUP = "statements";
    public static final String TABLE = "statement_line";
    public static final String PENALTY_SETTLEMENT_TABLE = "statement_penalty_settlement";

    private final JdbcTemplate jdbc;
    // The inserts go out as one batch per processor batch (BatchedWrites). The guard decides what is applied;
    // ON CONFLICT stays because the (account, sequence) key is there anyway and costs nothing to honour.
    private final BatchedWrites writes;
    private final ProjectionGuard guard;

    public StatementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
        this.guard = new ProjectionGuard(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ChargePosted event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        String description = event.description() != null ? event.description()
                : "Charge for " + event.billingPeriod();
        insert(event, sequence, recordedAt, MovementKind.CHARGE, event.chargeId().value(), description,
                event.amount());
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        insert(event, sequence, recordedAt, MovementKind.PAYMENT, event.paymentId().value(),
                "Payment via " + event.channel(), event.amount().negate());
    }

    @EventHandler
    void on(PaymentReversed event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        insert(event, sequence, recordedAt, MovementKind.REVERSAL, event.paymentId().value(),
                "Reversal of payment " + event.paymentId().value() + ": " + event.reason(), event.amount());
    }

    @EventHandler
    void on(PenaltyAccrued event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        String description = event.amount().isNegative()
                ? "Penalty correction to " + event.asOf() + " (rules changed)"
                : "Late-payment penalty accrued to " + event.asOf();
        insert(event, sequence, recordedAt, MovementKind.PENALTY, "PENALTY-" + event.asOf(), description,
                event.amount());
    }

    @EventHandler
    void on(CompensationCredited event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        insert(event, sequence, recordedAt, MovementKind.COMPENSATION, event.creditId().value(),
                "Compensation from relief programme " + event.programId().value(), event.amount().negate());
    }

    @EventHandler
    void on(DiscountCredited event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        insert(event, sequence, recordedAt, MovementKind.DISCOUNT, event.creditId().value(),
                event.percent().toPlainString() + "% discount on " + event.chargeId().value() + " (programme "
                        + event.programId().value() + ")", event.amount().negate());
    }

    @EventHandler
    void on(PenaltiesWrittenOff event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        insert(event, sequence, recordedAt, MovementKind.PENALTY_WRITE_OFF, "AMNESTY:" + event.programId().value(),
                "Penalties written off by amnesty programme " + event.programId().value() + " (paid in full: "
                        + event.earnedBy().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "))
                        + ")", event.amount().negate());
    }

    @EventHandler
    void on(ru.utility.ledger.core.api.account.ChargeCorrected event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        String direction = event.increases() ? "increased" : "decreased";
        insert(event, sequence, recordedAt, MovementKind.CORRECTION, event.correctionId().value(),
                "Charge " + event.chargeId().value() + " for " + event.billingPeriod() + " recalculated (" + direction
                        + "): " + event.reason(), event.difference());
    }

    @EventHandler
    void on(ru.utility.ledger.core.api.account.PaymentAllocated event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        settlement(event.accountId().value(), sequence, event.paidOn(), penaltyPart(event.allocations()), recordedAt);
    }

    @EventHandler
    void on(ru.utility.ledger.core.api.account.PaymentAllocationReleased event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        settlement(event.accountId().value(), sequence, null, penaltyPart(event.allocations()).negate(), recordedAt);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + TABLE);
        jdbc.update("TRUNCATE " + PENALTY_SETTLEMENT_TABLE);
        guard.reset();
    }

    private static Money penaltyPart(java.util.List<ru.utility.ledger.core.api.Allocation> allocations) {
        return allocations.stream().filter(a -> a.kind() == ru.utility.ledger.core.api.DebtKind.PENALTY)
                .map(ru.utility.ledger.core.api.Allocation::amount).reduce(Money.ZERO, Money::plus);
    }

    // Only allocations that touch penalties matter to the principal/penalty split; the rest leave no row.
    private void settlement(String accountId, long sequence, java.time.LocalDate paidOn, Money amount,
                            Instant recordedAt) {
        if (amount.isZero() || !guard.firstDelivery(accountId, sequence)) {
            return;
        }
        writes.update("INSERT INTO " + PENALTY_SETTLEMENT_TABLE + """
                 (account_id, sequence, paid_on, amount_kopecks, recorded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id, sequence) DO NOTHING
                """, new Object[] {accountId, sequence, paidOn == null ? null : Date.valueOf(paidOn), amount.kopecks(),
                Timestamp.from(recordedAt)}, null);
    }

    private void insert(AccountEvent event, long sequence, Instant recordedAt, MovementKind kind, String reference,
                        String description, Money amount) {
        if (!guard.firstDelivery(event.accountId().value(), sequence)) {
            return;
        }
        RecordedAccountEvent recorded = new RecordedAccountEvent(event, sequence, recordedAt);
        writes.update("INSERT INTO " + TABLE + """
                 (account_id, sequence, business_date, kind, reference, description, amount_kopecks, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, sequence) DO NOTHING
                """, new Object[] {event.accountId().value(), sequence, Date.valueOf(recorded.businessDate()), kind.name(),
                reference, description.length() > 600 ? description.substring(0, 600) : description,
                amount.kopecks(), Timestamp.from(recordedAt)}, null);
    }
}

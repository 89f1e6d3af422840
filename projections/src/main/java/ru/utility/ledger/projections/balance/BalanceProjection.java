package ru.utility.ledger.projections.balance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PersonalDataErased;
import ru.utility.ledger.core.api.PersonalData;
import ru.utility.ledger.projections.jdbc.BatchedWrites;
import ru.utility.ledger.projections.jdbc.ProjectionGuard;

/**
 * Current balance per account. Runs in a pooled streaming processor whose unit of work spans the
 * JDBC writes and the token update, so a batch and its token commit together. Every event passes the
 * shared {@link ProjectionGuard} first, so a redelivered event changes nothing; {@code last_sequence} is
 * kept as information (the last event applied), no longer as a guard.
 */
@Component
@ProcessingGroup(BalanceProjection.PROCESSING_GROUP)
public class BalanceProjection {

    public static final String PROCESSING_GROUP = "balances";

    private final JdbcTemplate jdbc;
    // Balance updates go out as one JDBC batch per processor batch (BatchedWrites), and the missing-row
    // check runs when the batch is flushed.
    private final BatchedWrites writes;
    private final ProjectionGuard guard;

    public BalanceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
        this.guard = new ProjectionGuard(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (!guard.firstDelivery(event.accountId().value(), sequence)) {
            return;
        }
        writes.update("""
                INSERT INTO account_balance (account_id, holder_name, region_code, status, opened_on,
                                             last_sequence, last_event_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO NOTHING
                """,
                new Object[] {event.accountId().value(), event.holderName(), event.regionCode().value(),
                        AccountStatus.OPEN.name(), Date.valueOf(event.openedOn()), sequence, Timestamp.from(recordedAt)},
                null);
    }

    @EventHandler
    void on(ChargePosted event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long amount = event.amount().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, amount, "charged_kopecks", amount, "charge_count");
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long amount = event.amount().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, -amount, "paid_kopecks", amount, "payment_count");
    }

    @EventHandler
    void on(PaymentReversed event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long amount = event.amount().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, amount, "reversed_kopecks", amount, null);
    }

    /** A penalty run's difference: raises (or, after a retroactive rule change, lowers) what is owed. */
    @EventHandler
    void on(PenaltyAccrued event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long amount = event.amount().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, amount, "penalties_kopecks", amount, null);
    }

    /** A recalculation raises or lowers what is owed; counted apart from charges, so both stay as billed. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.ChargeCorrected event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long difference = event.difference().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, difference, "corrected_kopecks", difference, null);
    }

    /** A relief programme's credit lowers what is owed, like a payment, but is counted apart from payments. */
    @EventHandler
    void on(CompensationCredited event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long amount = event.amount().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, -amount, "relief_kopecks", amount, null);
    }

    @EventHandler
    void on(DiscountCredited event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long amount = event.amount().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, -amount, "relief_kopecks", amount, null);
    }

    /** An amnesty's write-off of penalties is relief: it lowers what is owed and counts with the credits. */
    @EventHandler
    void on(PenaltiesWrittenOff event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        long amount = event.amount().kopecks();
        moveMoney(event.accountId().value(), sequence, recordedAt, -amount, "relief_kopecks", amount, null);
    }

    @EventHandler
    void on(AccountClosed event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        apply(event.accountId().value(), sequence, recordedAt, """
                UPDATE account_balance
                   SET status = ?, closed_on = ?, last_sequence = ?, last_event_at = ?
                 WHERE account_id = ?
                """, AccountStatus.CLOSED.name(), Date.valueOf(event.closedOn()));
    }

    /**
     * The holder's name goes; a replay after the erasure gets "[erased]" from AccountOpened already (its data key
     * is gone), so both ways end in the same row.
     */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        apply(event.accountId().value(), sequence, recordedAt, """
                UPDATE account_balance
                   SET holder_name = ?, last_sequence = ?, last_event_at = ?
                 WHERE account_id = ?
                """, PersonalData.ERASED);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE account_balance");
        guard.reset();
    }

    /**
     * Moves the balance by {@code balanceDelta} and one running total (a fixed column name of this table)
     * by {@code totalDelta}, optionally counting the movement.
     */
    private void moveMoney(String accountId, long sequence, Instant recordedAt, long balanceDelta, String total,
                           long totalDelta, String counter) {
        apply(accountId, sequence, recordedAt, "UPDATE account_balance SET balance_kopecks = balance_kopecks + ?, "
                + total + " = " + total + " + ?, "
                + (counter == null ? "" : counter + " = " + counter + " + 1, ")
                + "last_sequence = ?, last_event_at = ? WHERE account_id = ?",
                balanceDelta, totalDelta);
    }

    private void apply(String accountId, long sequence, Instant recordedAt, String sql, Object... changes) {
        if (!guard.firstDelivery(accountId, sequence)) {
            return;
        }
        Object[] args = new Object[changes.length + 3];
        System.arraycopy(changes, 0, args, 0, changes.length);
        args[changes.length] = sequence;
        args[changes.length + 1] = Timestamp.from(recordedAt);
        args[changes.length + 2] = accountId;
        writes.update(sql, args, () -> missingRow(accountId, sequence));
    }

    // A new event that changes no row found no account row: a lost AccountOpened. Failing makes the processor
    // retry instead of silently dropping money.
    private static void missingRow(String accountId, long sequence) {
        throw new IllegalStateException(
                "balances projection has no row for account " + accountId + " at sequence " + sequence);
    }
}

package ru.utility.ledger.projections.overdue;

import java.sql.Date;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;
import ru.utility.ledger.projections.jdbc.BatchedWrites;
import ru.utility.ledger.projections.jdbc.ProjectionGuard;

/**
 * What is unpaid of each charge, with its due date and the account's region: the facts behind the overdue
 * list. The account's social categories come from {@code account_category}, which the relief statistics
 * projection keeps for both. A pooled streaming processor; the writes commit with the token, and
 * every event first passes the shared {@link ProjectionGuard}, so an event delivered again changes nothing.
 * Only principal allocations matter here: penalties have no due date of their own.
 *
 * <p>Every event is written set-wise: queued as {@link BatchedWrites} and sent as JDBC batches, in event
 * order, when the processor's batch commits, with no read of the projection's own rows (the guard answers a
 * whole batch in one statement). Each write carries its own condition instead: a row is inserted only beside
 * its account's row ({@code INSERT ... SELECT ... FROM overdue_account}), an update names the row's key. A
 * write that changed no row where one was due (an event of an account the projection never saw opened, an
 * allocation to an unknown charge, a plan it does not hold) fails the batch when it is sent; only then is
 * the account's row read, to say which.
 */
@Component
@ProcessingGroup(OverdueProjection.PROCESSING_GROUP)
public class OverdueProjection {

    public static final String PROCESSING_GROUP = "overdue";
    public static final String ACCOUNT_TABLE = "overdue_account";
    public static final String CHARGE_TABLE = "overdue_charge";
    public static final String NOTICE_TABLE = "overdue_notice";
    public static final String AGREEMENT_TABLE = "overdue_agreement";

    private static final String SETTLE = """
            UPDATE overdue_charge SET paid_kopecks = paid_kopecks + ? WHERE account_id = ? AND charge_id = ?""";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ProjectionGuard guard;

    public OverdueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
        this.guard = new ProjectionGuard(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            writes.update("""
                    INSERT INTO overdue_account (account_id, region_code) VALUES (?, ?)
                    ON CONFLICT (account_id) DO NOTHING""",
                    new Object[] {event.accountId().value(), event.regionCode().value()}, null);
        }
    }

    /** Inserted only beside its account's row: a charge of an account never seen opened fails the batch. */
    @EventHandler
    void on(ChargePosted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("""
                    INSERT INTO overdue_charge (account_id, charge_id, billing_period, due_date, amount_kopecks)
                    SELECT account_id, ?, ?, ?, ? FROM overdue_account WHERE account_id = ?
                    ON CONFLICT (account_id, charge_id) DO NOTHING""",
                    new Object[] {event.chargeId().value(), event.billingPeriod().toString(),
                            Date.valueOf(event.dueDate()), event.amount().kopecks(), accountId.value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    @EventHandler
    void on(PaymentAllocated event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            queueSettle(event.accountId(), event.allocations(), 1);
        }
    }

    @EventHandler
    void on(PaymentAllocationReleased event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            queueSettle(event.accountId(), event.allocations(), -1);
        }
    }

    /**
     * Queues the principal allocations of one event, one write per charge (amounts to the same charge added
     * up). A charge row that is missing is an error, found when the batch is sent.
     */
    private void queueSettle(AccountId accountId, java.util.List<Allocation> allocations, int sign) {
        java.util.Map<String, Long> byCharge = new java.util.LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            if (allocation.kind() == DebtKind.PRINCIPAL) {
                byCharge.merge(allocation.chargeId().value(), allocation.amount().kopecks(), Long::sum);
            }
        }
        byCharge.forEach((chargeId, kopecks) -> writes.update(SETTLE,
                new Object[] {sign * kopecks, accountId.value(), chargeId},
                () -> requireCharge(accountId, chargeId)));
    }

    /** An update by the row's key that changed nothing: the row is missing, no read needed to say so. */
    private static void requireCharge(AccountId accountId, String chargeId) {
        throw new IllegalStateException("allocation to charge " + chargeId + " of account " + accountId.value()
                + " that the overdue projection does not hold");
    }

    @EventHandler
    void on(RestrictionNoticeSent event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("""
                    INSERT INTO overdue_notice (account_id, notice_id, sent_on)
                    SELECT account_id, ?, ? FROM overdue_account WHERE account_id = ?""",
                    new Object[] {event.noticeId(), Date.valueOf(event.sentOn()), accountId.value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    /** The type in force picks the account's consumption norm for the restriction threshold. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.HouseholdTypeSet event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("UPDATE overdue_account SET household_type = ? WHERE account_id = ?",
                    new Object[] {event.householdType().name(), accountId.value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    @EventHandler
    void on(ru.utility.ledger.core.api.account.RestrictionNoticeDelivered event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("UPDATE overdue_notice SET delivered_on = ?, channel = ? WHERE account_id = ? AND notice_id = ?",
                    new Object[] {Date.valueOf(event.deliveredOn()), event.channel().name(), accountId.value(),
                            event.noticeId()},
                    () -> missing(accountId, sequence, "delivery of notice " + event.noticeId()));
        }
    }

    /** The covered charges fall due on the deferral's end, so they leave the overdue list until then. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.DeferralGranted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            for (var charge : event.charges()) {
                moveDueDate(event.accountId(), sequence, charge.chargeId(), event.endsOn());
            }
        }
    }

    @EventHandler
    void on(ru.utility.ledger.core.api.account.DeferralEndedEarly event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            for (var due : event.dueDates()) {
                moveDueDate(event.accountId(), sequence, due.chargeId(), due.dueDate());
            }
        }
    }

    /**
     * A corrected billed due date: the row follows it unless a deferral has since moved the date in force, which
     * then stays (the deferral's end, not the billed date, decides when the charge is overdue).
     */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.DueDateCorrected event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("UPDATE overdue_charge SET due_date = ? WHERE account_id = ? AND charge_id = ? AND due_date = ?",
                    new Object[] {Date.valueOf(event.dueDate()), accountId.value(), event.chargeId().value(),
                            Date.valueOf(event.previousDueDate())},
                    () -> requireAccount(accountId, sequence));
        }
    }

    /**
     * A decrease lowers the charge's amount (what was paid beyond it is released by the PaymentAllocationReleased
     * that follows); an increase is a debt of its own, due on its own date, like a charge.
     */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.ChargeCorrected event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            if (event.increases()) {
                insertDebt(accountId, sequence, event.correctionId().debtId().value(), event.billingPeriod().toString(),
                        event.dueDate(), event.difference().kopecks());
            } else {
                writes.update("""
                        UPDATE overdue_charge SET amount_kopecks = amount_kopecks + ? WHERE account_id = ? AND charge_id = ?""",
                        new Object[] {event.difference().kopecks(), accountId.value(), event.chargeId().value()},
                        () -> missing(accountId, sequence, "correction of charge " + event.chargeId().value()));
            }
        }
    }

    /**
     * The restructured charges count as settled by the plan (like a payment, so they leave the list) and
     * each installment becomes a row with its own due date: kept ones are not yet due, a missed one is overdue.
     */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.InstallmentPlanAgreed event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            for (var charge : event.charges()) {
                String chargeId = charge.chargeId().value();
                writes.update(SETTLE, new Object[] {charge.amount().kopecks(), accountId.value(), chargeId},
                        () -> missing(accountId, sequence, "allocation to charge " + chargeId));
            }
            for (var installment : event.schedule()) {
                insertDebt(accountId, sequence, installment.installmentId().value(),
                        ru.utility.ledger.core.api.BillingPeriod.of(installment.dueDate()).toString(),
                        installment.dueDate(), installment.amount().kopecks());
            }
            writes.update("""
                    INSERT INTO overdue_agreement (account_id, plan_id, agreed_on, status)
                    SELECT account_id, ?, ?, 'ACTIVE' FROM overdue_account WHERE account_id = ?""",
                    new Object[] {event.planId().value(), Date.valueOf(event.agreedOn()), accountId.value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    /** A plan with a missed installment is no longer being kept: it no longer shields from restriction. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.InstallmentMissed event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            agreementStatus(event.accountId(), sequence, event.planId(), "MISSED");
        }
    }

    @EventHandler
    void on(ru.utility.ledger.core.api.account.InstallmentPlanCompleted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            agreementStatus(event.accountId(), sequence, event.planId(), "COMPLETED");
        }
    }

    private void agreementStatus(AccountId accountId, long sequence, ru.utility.ledger.core.api.PlanId planId,
                                 String status) {
        writes.update("UPDATE overdue_agreement SET status = ? WHERE account_id = ? AND plan_id = ?",
                new Object[] {status, accountId.value(), planId.value()},
                () -> missing(accountId, sequence, "plan " + planId.value()));
    }

    /** The rest of a defaulted plan falls due at once. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.InstallmentPlanDefaulted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            for (var due : event.dueDates()) {
                moveDueDate(event.accountId(), sequence, due.chargeId(), due.dueDate());
            }
            agreementStatus(event.accountId(), sequence, event.planId(), "DEFAULTED");
        }
    }

    private void moveDueDate(AccountId accountId, long sequence, ru.utility.ledger.core.api.ChargeId chargeId,
                             java.time.LocalDate dueDate) {
        writes.update("UPDATE overdue_charge SET due_date = ? WHERE account_id = ? AND charge_id = ?",
                new Object[] {Date.valueOf(dueDate), accountId.value(), chargeId.value()},
                () -> missing(accountId, sequence, "due date of charge " + chargeId.value()));
    }

    /** A debt of its own (a charge's increase, an installment), inserted only beside its account's row. */
    private void insertDebt(AccountId accountId, long sequence, String debtId, String billingPeriod,
                            java.time.LocalDate dueDate, long kopecks) {
        writes.update("""
                INSERT INTO overdue_charge (account_id, charge_id, billing_period, due_date, amount_kopecks)
                SELECT account_id, ?, ?, ?, ? FROM overdue_account WHERE account_id = ?""",
                new Object[] {debtId, billingPeriod, Date.valueOf(dueDate), kopecks, accountId.value()},
                () -> requireAccount(accountId, sequence));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + ACCOUNT_TABLE + ", " + CHARGE_TABLE + ", " + NOTICE_TABLE + ", " + AGREEMENT_TABLE);
        guard.reset();
    }

    /**
     * A write of a rare event that changed no row: the account was never seen opened (the same failure as any
     * event before its opening) or the row it names is missing. Read only on this failure path.
     */
    private void missing(AccountId accountId, long sequence, String what) {
        requireAccount(accountId, sequence);
        throw new IllegalStateException(what + " of account " + accountId.value()
                + " that the overdue projection does not hold");
    }

    private void requireAccount(AccountId accountId, long sequence) {
        Integer known = jdbc.queryForObject("SELECT count(*) FROM overdue_account WHERE account_id = ?",
                Integer.class, accountId.value());
        if (known == null || known == 0) {
            throw new IllegalStateException("event " + sequence + " of account " + accountId.value()
                    + " arrived before the account's opening in the overdue projection");
        }
    }
}

package ru.utility.ledger.projections.relief;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.DeferredCharge;
import ru.utility.ledger.core.api.account.ChargeDueDate;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.InstallmentPlanCompleted;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.api.account.ScheduledInstallment;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PersonalDataErased;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.projections.jdbc.BatchedWrites;
import ru.utility.ledger.projections.jdbc.ProjectionGuard;

/**
 * The facts behind the relief statistics: enrolments with what each relief gave, and every account's charges,
 * dated principal settlements and payments, so that whether an account had overdue debt on any past day can
 * be answered in SQL. A pooled streaming processor; writes commit with the token. Every event first passes the
 * shared {@link ProjectionGuard} (account and programme streams alike), so an event delivered again changes
 * nothing.
 *
 * <p>Programme and account events travel in different streams, which the pooled processor may handle in any
 * order relative to each other: an enrolment therefore takes everything it needs from {@code AccountEnrolled}
 * and only the programme's closure is joined at query time.
 *
 * <p>Every write is queued as {@link BatchedWrites} and sent, in event order, as JDBC batches when the processor's
 * batch commits, with no read of the projection's own rows while applying events: each write carries its own
 * condition. A row of an account is inserted only beside the account's row ({@code INSERT ... SELECT ... FROM
 * relief_account}), an enrolment picks its category in the same statement, and an arrangement's programme is
 * looked up inside the update that ends its enrolment. A write that changed no row where one was due (an event
 * of an account or programme never seen, an enrolment that is missing) fails the batch when it is sent; only
 * then is the account's row read, to say which.
 *
 * <p>A new relief event is one handler here: guard with the {@link ProjectionGuard} and update the enrolment's
 * column ({@link #addToEnrolment}, {@link #endEnrolment}) or a charge's {@code relief_until}.
 */
@Component
@ProcessingGroup(ReliefStatisticsProjection.PROCESSING_GROUP)
public class ReliefStatisticsProjection {

    public static final String PROCESSING_GROUP = "relief-statistics";
    public static final String ACCOUNT_TABLE = "relief_account";
    /** An account's social categories, kept here once and read by the overdue list too (V111). */
    public static final String CATEGORY_TABLE = "account_category";
    public static final String PROGRAM_TABLE = "relief_program";
    public static final String ENROLMENT_TABLE = "relief_enrolment";
    public static final String CHARGE_TABLE = "relief_charge";
    public static final String ARRANGEMENT_TABLE = "relief_arrangement";
    public static final String SETTLEMENT_TABLE = "relief_settlement";
    public static final String PAYMENT_TABLE = "relief_payment";

    /** The sums an enrolment keeps, one column each. */
    public enum Measure {
        DEFERRED("deferred_kopecks"), RESTRUCTURED("restructured_kopecks"), DISCOUNTED("discounted_kopecks"),
        COMPENSATED("compensated_kopecks"), PENALTIES_FORGONE("penalties_forgone_kopecks");

        private final String column;

        Measure(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    /** How an enrolment ended when an event says so; otherwise it ends with its window. */
    public enum Outcome { COMPLETED, DEFAULTED }

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ProjectionGuard guard;

    public ReliefStatisticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
        this.guard = new ProjectionGuard(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ProgramLaunched event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.programId().value(), sequence)) {
            writes.update("""
                    INSERT INTO relief_program (program_id, name, kind, active_from, active_to)
                    VALUES (?, ?, ?, ?, ?::date) ON CONFLICT (program_id) DO NOTHING""",
                    new Object[] {event.programId().value(), event.name(), event.kind().name(),
                            Date.valueOf(event.activeFrom()), date(event.activeTo())}, null);
        }
    }

    @EventHandler
    void on(ProgramClosed event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.programId().value(), sequence)) {
            ProgramId programId = event.programId();
            writes.update("UPDATE relief_program SET closed_on = ? WHERE program_id = ?",
                    new Object[] {Date.valueOf(event.closedOn()), programId.value()}, () -> {
                        throw new IllegalStateException("event " + sequence + " of programme " + programId.value()
                                + " arrived before its launch in the relief statistics projection");
                    });
        }
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            writes.update("""
                    INSERT INTO relief_account (account_id, region_code) VALUES (?, ?)
                    ON CONFLICT (account_id) DO NOTHING""",
                    new Object[] {event.accountId().value(), event.regionCode().value()}, null);
        }
    }

    @EventHandler
    void on(SocialCategoryGranted event, @SequenceNumber long sequence) {
        // No category: the holder's personal data was erased before this replay (see PersonalDataErased below).
        if (guard.firstDelivery(event.accountId().value(), sequence) && event.category() != null) {
            AccountId accountId = event.accountId();
            writes.update("""
                    INSERT INTO account_category (account_id, category, valid_from, valid_to)
                    SELECT account_id, ?, ?, ?::date FROM relief_account WHERE account_id = ?
                    ON CONFLICT (account_id, category)
                    DO UPDATE SET valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                    new Object[] {event.category().name(), Date.valueOf(event.validFrom()), date(event.validTo()),
                            accountId.value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    /**
     * The holder's categories are personal data: they go with the erasure, as a replay after it would never
     * have had them (the sealed category reads as null once the key is gone).
     */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("DELETE FROM account_category WHERE account_id = ?", new Object[] {accountId.value()},
                    () -> requireAccount(accountId, sequence));
            writes.update("UPDATE relief_enrolment SET category = NULL WHERE account_id = ?",
                    new Object[] {accountId.value()}, null);
        }
    }

    @EventHandler
    void on(SocialCategoryRevoked event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence) && event.category() != null) {
            AccountId accountId = event.accountId();
            Date lastDay = Date.valueOf(event.revokedOn().minusDays(1));
            writes.update("""
                    UPDATE account_category
                       SET valid_to = CASE WHEN valid_to IS NULL OR valid_to > ? THEN ? ELSE valid_to END
                     WHERE account_id = ? AND category = ?""",
                    new Object[] {lastDay, lastDay, accountId.value(), event.category().name()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    /**
     * The enrolment is counted under the account's region and under one category: of the categories valid on
     * the enrolment day that the programme accepts (any, when it names none), the first in declaration order.
     * The choice is made in the insert itself, so it sees the categories granted earlier in the same batch.
     */
    @EventHandler
    void on(AccountEnrolled event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            Date on = Date.valueOf(event.enrolledOn());
            String accepted = Arrays.stream(SocialCategory.values())
                    .filter(c -> event.categories().isEmpty() || event.categories().contains(c))
                    .map(Enum::name).collect(Collectors.joining(","));
            writes.update("""
                    INSERT INTO relief_enrolment (program_id, account_id, kind, region_code, category, enrolled_on, active_to)
                    SELECT ?, a.account_id, ?, a.region_code,
                           (SELECT c.category FROM account_category c
                             WHERE c.account_id = a.account_id AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)
                               AND array_position(string_to_array(?::text, ','), c.category::text) IS NOT NULL
                             ORDER BY array_position(string_to_array(?::text, ','), c.category::text) LIMIT 1),
                           ?, ?::date
                      FROM relief_account a WHERE a.account_id = ?""",
                    new Object[] {event.programId().value(), event.kind().name(), on, on, accepted, accepted, on,
                            date(event.activeTo()), accountId.value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    @EventHandler
    void on(DiscountCredited event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            addToEnrolment(event.programId(), event.accountId(), sequence, Measure.DISCOUNTED, event.amount());
        }
    }

    /** The programme's closure reached the account: its relief ended the day before {@code endedOn}. */
    @EventHandler
    void on(EnrolmentEnded event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            endEnrolment(event.programId(), event.accountId(), sequence, event.endedOn().minusDays(1), null);
        }
    }

    /** An amnesty's write-off is penalty the customer no longer owes: forgone by the programme. */
    @EventHandler
    void on(PenaltiesWrittenOff event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            addToEnrolment(event.programId(), event.accountId(), sequence, Measure.PENALTIES_FORGONE, event.amount());
        }
    }

    @EventHandler
    void on(CompensationCredited event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            addToEnrolment(event.programId(), event.accountId(), sequence, Measure.COMPENSATED, event.amount());
        }
    }

    /**
     * The covered charges are not overdue through the deferral's end (their moved due date), and the relief
     * ends then unless it ends early.
     */
    @EventHandler
    void on(DeferralGranted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            remember(event.accountId(), sequence, "DEFERRAL:" + event.deferralId().value(), event.programId());
            Money deferred = Money.ZERO;
            for (DeferredCharge charge : event.charges()) {
                deferred = deferred.plus(charge.outstanding());
                reliefUntil(event.accountId(), charge.chargeId(), event.endsOn());
            }
            addToEnrolment(event.programId(), event.accountId(), sequence, Measure.DEFERRED, deferred);
            endEnrolment(event.programId(), event.accountId(), sequence, event.endsOn(), null);
        }
    }

    /** The billed due date was corrected; a deferral's relief_until is kept apart and stays. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.DueDateCorrected event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("UPDATE relief_charge SET due_date = ? WHERE account_id = ? AND charge_id = ?",
                    new Object[] {Date.valueOf(event.dueDate()), accountId.value(), event.chargeId().value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    @EventHandler
    void on(DeferralEndedEarly event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            for (ChargeDueDate due : event.dueDates()) {
                reliefUntil(event.accountId(), due.chargeId(), due.dueDate());
            }
            endArrangement(event.accountId(), sequence, "DEFERRAL:" + event.deferralId().value(), event.endedOn(), null);
        }
    }

    /**
     * As in the ledger's own debt model: the restructured charges count as settled by the plan on the day it
     * was agreed, and the installments become debts with their own due dates (a missed one is overdue).
     */
    @EventHandler
    void on(InstallmentPlanAgreed event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            // Sent first: it fails the batch for an account never seen opened, before the plain inserts below.
            remember(accountId, sequence, "PLAN:" + event.planId().value(), event.programId());
            Money restructured = Money.ZERO;
            for (RestructuredCharge charge : event.charges()) {
                restructured = restructured.plus(charge.amount());
                writes.update("""
                        INSERT INTO relief_settlement (account_id, charge_id, payment_id, paid_on, amount_kopecks)
                        VALUES (?, ?, ?, ?, ?)""",
                        new Object[] {accountId.value(), charge.chargeId().value(), "PLAN:" + event.planId().value(),
                                Date.valueOf(event.agreedOn()), charge.amount().kopecks()}, null);
            }
            for (ScheduledInstallment installment : event.schedule()) {
                writes.update("""
                        INSERT INTO relief_charge (account_id, charge_id, due_date, amount_kopecks) VALUES (?, ?, ?, ?)""",
                        new Object[] {accountId.value(), installment.installmentId().value(),
                                Date.valueOf(installment.dueDate()), installment.amount().kopecks()}, null);
            }
            addToEnrolment(event.programId(), accountId, sequence, Measure.RESTRUCTURED, restructured);
        }
    }

    /** The rest falls due at once: the relief ended the day before the default. */
    @EventHandler
    void on(InstallmentPlanDefaulted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            for (ChargeDueDate due : event.dueDates()) {
                writes.update("UPDATE relief_charge SET due_date = ? WHERE account_id = ? AND charge_id = ?",
                        new Object[] {Date.valueOf(due.dueDate()), event.accountId().value(), due.chargeId().value()},
                        null);
            }
            endArrangement(event.accountId(), sequence, "PLAN:" + event.planId().value(),
                    event.defaultedOn().minusDays(1), Outcome.DEFAULTED);
        }
    }

    @EventHandler
    void on(InstallmentPlanCompleted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            endArrangement(event.accountId(), sequence, "PLAN:" + event.planId().value(), event.completedOn(),
                    Outcome.COMPLETED);
        }
    }

    private void reliefUntil(AccountId accountId, ChargeId chargeId, LocalDate lastDay) {
        writes.update("UPDATE relief_charge SET relief_until = ? WHERE account_id = ? AND charge_id = ?",
                new Object[] {Date.valueOf(lastDay), accountId.value(), chargeId.value()}, null);
    }

    /** Which programme an arrangement (a deferral, a plan) belongs to; its later events name only the arrangement. */
    private void remember(AccountId accountId, long sequence, String arrangementId, ProgramId programId) {
        writes.update("""
                INSERT INTO relief_arrangement (account_id, arrangement_id, program_id)
                SELECT account_id, ?, ? FROM relief_account WHERE account_id = ?""",
                new Object[] {arrangementId, programId.value(), accountId.value()},
                () -> requireAccount(accountId, sequence));
    }

    @EventHandler
    void on(ChargePosted event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            insertCharge(event.accountId(), sequence, event.chargeId().value(), event.dueDate(),
                    event.amount().kopecks());
        }
    }

    /** As in the overdue projection: a decrease lowers the charge, an increase is a debt with its own due date. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.ChargeCorrected event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            if (event.increases()) {
                insertCharge(accountId, sequence, event.correctionId().debtId().value(), event.dueDate(),
                        event.difference().kopecks());
            } else {
                writes.update("UPDATE relief_charge SET amount_kopecks = amount_kopecks + ? WHERE account_id = ? AND charge_id = ?",
                        new Object[] {event.difference().kopecks(), accountId.value(), event.chargeId().value()},
                        () -> requireAccount(accountId, sequence));
            }
        }
    }

    private void insertCharge(AccountId accountId, long sequence, String chargeId, LocalDate dueDate, long kopecks) {
        writes.update("""
                INSERT INTO relief_charge (account_id, charge_id, due_date, amount_kopecks)
                SELECT account_id, ?, ?, ? FROM relief_account WHERE account_id = ?""",
                new Object[] {chargeId, Date.valueOf(dueDate), kopecks, accountId.value()},
                () -> requireAccount(accountId, sequence));
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("""
                    INSERT INTO relief_payment (account_id, payment_id, received_on, amount_kopecks)
                    SELECT account_id, ?, ?, ? FROM relief_account WHERE account_id = ?""",
                    new Object[] {event.paymentId().value(), Date.valueOf(event.receivedOn()), event.amount().kopecks(),
                            accountId.value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    @EventHandler
    void on(PaymentReversed event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            writes.update("UPDATE relief_payment SET reversed = true WHERE account_id = ? AND payment_id = ?",
                    new Object[] {accountId.value(), event.paymentId().value()},
                    () -> requireAccount(accountId, sequence));
        }
    }

    @EventHandler
    void on(PaymentAllocated event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            for (Allocation allocation : principal(event.allocations())) {
                writes.update("""
                        INSERT INTO relief_settlement (account_id, charge_id, payment_id, paid_on, amount_kopecks)
                        SELECT account_id, ?, ?, ?, ? FROM relief_account WHERE account_id = ?
                        ON CONFLICT (account_id, charge_id, payment_id)
                        DO UPDATE SET amount_kopecks = relief_settlement.amount_kopecks + excluded.amount_kopecks""",
                        new Object[] {allocation.chargeId().value(), event.paymentId().value(),
                                Date.valueOf(event.paidOn()), allocation.amount().kopecks(), accountId.value()},
                        () -> requireAccount(accountId, sequence));
            }
        }
    }

    @EventHandler
    void on(PaymentAllocationReleased event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            AccountId accountId = event.accountId();
            for (Allocation allocation : principal(event.allocations())) {
                writes.update("""
                        UPDATE relief_settlement SET amount_kopecks = amount_kopecks - ?
                         WHERE account_id = ? AND charge_id = ? AND payment_id = ?""",
                        new Object[] {allocation.amount().kopecks(), accountId.value(), allocation.chargeId().value(),
                                event.paymentId().value()},
                        () -> {
                            requireAccount(accountId, sequence);
                            throw new IllegalStateException("release of payment " + event.paymentId().value()
                                    + " from charge " + allocation.chargeId().value() + " of account "
                                    + accountId.value() + " that the relief statistics projection never saw allocated");
                        });
            }
            writes.update("DELETE FROM relief_settlement WHERE account_id = ? AND payment_id = ? AND amount_kopecks = 0",
                    new Object[] {accountId.value(), event.paymentId().value()}, null);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", ACCOUNT_TABLE, CATEGORY_TABLE, PROGRAM_TABLE, ENROLMENT_TABLE,
                CHARGE_TABLE, SETTLEMENT_TABLE, PAYMENT_TABLE, ARRANGEMENT_TABLE));
        guard.reset();
    }

    /** Adds to one of the enrolment's sums; the enrolment must be known (its AccountEnrolled came first). */
    void addToEnrolment(ProgramId programId, AccountId accountId, long sequence, Measure measure, Money amount) {
        writes.update("UPDATE relief_enrolment SET " + measure.column() + " = " + measure.column()
                + " + ? WHERE program_id = ? AND account_id = ?",
                new Object[] {amount.kopecks(), programId.value(), accountId.value()},
                () -> missingEnrolment("programme " + programId.value(), accountId, sequence));
    }

    /**
     * Records that an enrolment's relief ended before its window did (ended early, plan completed or defaulted):
     * {@code lastDay} is the last day the relief applied.
     */
    void endEnrolment(ProgramId programId, AccountId accountId, long sequence, LocalDate lastDay, Outcome outcome) {
        writes.update("UPDATE relief_enrolment SET ended_on = ?, outcome = ?::text WHERE program_id = ? AND account_id = ?",
                new Object[] {Date.valueOf(lastDay), outcome == null ? null : outcome.name(), programId.value(),
                        accountId.value()},
                () -> missingEnrolment("programme " + programId.value(), accountId, sequence));
    }

    /** As {@link #endEnrolment}, for an event that names only its arrangement: the programme is found in the update. */
    private void endArrangement(AccountId accountId, long sequence, String arrangementId, LocalDate lastDay,
                                Outcome outcome) {
        writes.update("""
                UPDATE relief_enrolment SET ended_on = ?, outcome = ?::text
                 WHERE account_id = ? AND program_id = (SELECT program_id FROM relief_arrangement
                                                         WHERE account_id = ? AND arrangement_id = ?)""",
                new Object[] {Date.valueOf(lastDay), outcome == null ? null : outcome.name(), accountId.value(),
                        accountId.value(), arrangementId},
                () -> missingEnrolment("arrangement " + arrangementId, accountId, sequence));
    }

    private void missingEnrolment(String relief, AccountId accountId, long sequence) {
        requireAccount(accountId, sequence);
        throw new IllegalStateException("relief of " + relief + " for account " + accountId.value()
                + " that the relief statistics projection holds no enrolment for");
    }

    private static List<Allocation> principal(List<Allocation> allocations) {
        return allocations.stream().filter(a -> a.kind() == DebtKind.PRINCIPAL).toList();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /**
     * Run only when a write changed no row: a new event of an account never seen opened fails. Reads the
     * account's row, on this failure path only.
     */
    private void requireAccount(AccountId accountId, long sequence) {
        Integer known = jdbc.queryForObject("SELECT count(*) FROM relief_account WHERE account_id = ?",
                Integer.class, accountId.value());
        if (known == null || known == 0) {
            throw new IllegalStateException("event " + sequence + " of account " + accountId.value()
                    + " arrived before the account's opening in the relief statistics projection");
        }
    }
}

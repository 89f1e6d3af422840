package ru.utility.ledger.projections.relief;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

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
 * <p>A new relief event is one handler here: guard with {@link #firstDelivery} and update the enrolment's
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
    private final ProjectionGuard guard;

    public ReliefStatisticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.guard = new ProjectionGuard(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ProgramLaunched event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.programId().value(), sequence)) {
            jdbc.update("""
                    INSERT INTO relief_program (program_id, name, kind, active_from, active_to)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (program_id) DO NOTHING""",
                    event.programId().value(), event.name(), event.kind().name(), Date.valueOf(event.activeFrom()),
                    date(event.activeTo()));
        }
    }

    @EventHandler
    void on(ProgramClosed event, @SequenceNumber long sequence) {
        if (firstDelivery(event.programId(), sequence)) {
            jdbc.update("UPDATE relief_program SET closed_on = ? WHERE program_id = ?",
                    Date.valueOf(event.closedOn()), event.programId().value());
        }
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.accountId().value(), sequence)) {
            jdbc.update("""
                    INSERT INTO relief_account (account_id, region_code) VALUES (?, ?)
                    ON CONFLICT (account_id) DO NOTHING""",
                    event.accountId().value(), event.regionCode().value());
        }
    }

    @EventHandler
    void on(SocialCategoryGranted event, @SequenceNumber long sequence) {
        // No category: the holder's personal data was erased before this replay (see PersonalDataErased below).
        if (firstDelivery(event.accountId(), sequence) && event.category() != null) {
            jdbc.update("""
                    INSERT INTO account_category (account_id, category, valid_from, valid_to) VALUES (?, ?, ?, ?)
                    ON CONFLICT (account_id, category)
                    DO UPDATE SET valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                    event.accountId().value(), event.category().name(), Date.valueOf(event.validFrom()),
                    date(event.validTo()));
        }
    }

    /**
     * The holder's categories are personal data: they go with the erasure, as a replay after it would never
     * have had them (the sealed category reads as null once the key is gone).
     */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            jdbc.update("DELETE FROM account_category WHERE account_id = ?", event.accountId().value());
            jdbc.update("UPDATE relief_enrolment SET category = NULL WHERE account_id = ?", event.accountId().value());
        }
    }

    @EventHandler
    void on(SocialCategoryRevoked event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence) && event.category() != null) {
            Date lastDay = Date.valueOf(event.revokedOn().minusDays(1));
            jdbc.update("""
                    UPDATE account_category
                       SET valid_to = CASE WHEN valid_to IS NULL OR valid_to > ? THEN ? ELSE valid_to END
                     WHERE account_id = ? AND category = ?""",
                    lastDay, lastDay, event.accountId().value(), event.category().name());
        }
    }

    /**
     * The enrolment is counted under the account's region and under one category: of the categories valid on
     * the enrolment day that the programme accepts (any, when it names none), the first in declaration order.
     */
    @EventHandler
    void on(AccountEnrolled event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            Date on = Date.valueOf(event.enrolledOn());
            List<SocialCategory> held = jdbc.queryForList("""
                    SELECT category FROM account_category
                     WHERE account_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)""",
                    String.class, event.accountId().value(), on, on).stream().map(SocialCategory::valueOf).toList();
            SocialCategory category = held.stream()
                    .filter(c -> event.categories().isEmpty() || event.categories().contains(c))
                    .min(Comparator.naturalOrder()).orElse(null);
            jdbc.update("""
                    INSERT INTO relief_enrolment (program_id, account_id, kind, region_code, category, enrolled_on, active_to)
                    SELECT ?, account_id, ?, region_code, ?, ?, ? FROM relief_account WHERE account_id = ?""",
                    event.programId().value(), event.kind().name(), category == null ? null : category.name(), on,
                    date(event.activeTo()), event.accountId().value());
        }
    }

    @EventHandler
    void on(DiscountCredited event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            addToEnrolment(event.programId(), event.accountId(), Measure.DISCOUNTED, event.amount());
        }
    }

    /** The programme's closure reached the account: its relief ended the day before {@code endedOn}. */
    @EventHandler
    void on(EnrolmentEnded event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            endEnrolment(event.programId(), event.accountId(), event.endedOn().minusDays(1), null);
        }
    }

    /** An amnesty's write-off is penalty the customer no longer owes: forgone by the programme. */
    @EventHandler
    void on(PenaltiesWrittenOff event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            addToEnrolment(event.programId(), event.accountId(), Measure.PENALTIES_FORGONE, event.amount());
        }
    }

    @EventHandler
    void on(CompensationCredited event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            addToEnrolment(event.programId(), event.accountId(), Measure.COMPENSATED, event.amount());
        }
    }

    /**
     * The covered charges are not overdue through the deferral's end (their moved due date), and the relief
     * ends then unless it ends early.
     */
    @EventHandler
    void on(DeferralGranted event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            remember(event.accountId(), "DEFERRAL:" + event.deferralId().value(), event.programId());
            Money deferred = Money.ZERO;
            for (DeferredCharge charge : event.charges()) {
                deferred = deferred.plus(charge.outstanding());
                reliefUntil(event.accountId(), charge.chargeId(), event.endsOn());
            }
            addToEnrolment(event.programId(), event.accountId(), Measure.DEFERRED, deferred);
            endEnrolment(event.programId(), event.accountId(), event.endsOn(), null);
        }
    }

    /** The billed due date was corrected; a deferral's relief_until is kept apart and stays. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.DueDateCorrected event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            jdbc.update("UPDATE relief_charge SET due_date = ? WHERE account_id = ? AND charge_id = ?",
                    java.sql.Date.valueOf(event.dueDate()), event.accountId().value(), event.chargeId().value());
        }
    }

    @EventHandler
    void on(DeferralEndedEarly event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            for (ChargeDueDate due : event.dueDates()) {
                reliefUntil(event.accountId(), due.chargeId(), due.dueDate());
            }
            endEnrolment(programOf(event.accountId(), "DEFERRAL:" + event.deferralId().value()), event.accountId(),
                    event.endedOn(), null);
        }
    }

    /**
     * As in the ledger's own debt model: the restructured charges count as settled by the plan on the day it
     * was agreed, and the installments become debts with their own due dates (a missed one is overdue).
     */
    @EventHandler
    void on(InstallmentPlanAgreed event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            remember(event.accountId(), "PLAN:" + event.planId().value(), event.programId());
            Money restructured = Money.ZERO;
            for (RestructuredCharge charge : event.charges()) {
                restructured = restructured.plus(charge.amount());
                jdbc.update("""
                        INSERT INTO relief_settlement (account_id, charge_id, payment_id, paid_on, amount_kopecks)
                        VALUES (?, ?, ?, ?, ?)""", event.accountId().value(), charge.chargeId().value(),
                        "PLAN:" + event.planId().value(), Date.valueOf(event.agreedOn()), charge.amount().kopecks());
            }
            for (ScheduledInstallment installment : event.schedule()) {
                jdbc.update("""
                        INSERT INTO relief_charge (account_id, charge_id, due_date, amount_kopecks) VALUES (?, ?, ?, ?)""",
                        event.accountId().value(), installment.installmentId().value(),
                        Date.valueOf(installment.dueDate()), installment.amount().kopecks());
            }
            addToEnrolment(event.programId(), event.accountId(), Measure.RESTRUCTURED, restructured);
        }
    }

    /** The rest falls due at once: the relief ended the day before the default. */
    @EventHandler
    void on(InstallmentPlanDefaulted event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            for (ChargeDueDate due : event.dueDates()) {
                jdbc.update("UPDATE relief_charge SET due_date = ? WHERE account_id = ? AND charge_id = ?",
                        Date.valueOf(due.dueDate()), event.accountId().value(), due.chargeId().value());
            }
            endEnrolment(programOf(event.accountId(), "PLAN:" + event.planId().value()), event.accountId(),
                    event.defaultedOn().minusDays(1), Outcome.DEFAULTED);
        }
    }

    @EventHandler
    void on(InstallmentPlanCompleted event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            endEnrolment(programOf(event.accountId(), "PLAN:" + event.planId().value()), event.accountId(),
                    event.completedOn(), Outcome.COMPLETED);
        }
    }

    private void reliefUntil(AccountId accountId, ChargeId chargeId, LocalDate lastDay) {
        jdbc.update("UPDATE relief_charge SET relief_until = ? WHERE account_id = ? AND charge_id = ?",
                Date.valueOf(lastDay), accountId.value(), chargeId.value());
    }

    private void remember(AccountId accountId, String arrangementId, ProgramId programId) {
        jdbc.update("INSERT INTO relief_arrangement (account_id, arrangement_id, program_id) VALUES (?, ?, ?)",
                accountId.value(), arrangementId, programId.value());
    }

    private ProgramId programOf(AccountId accountId, String arrangementId) {
        return ProgramId.of(jdbc.queryForObject(
                "SELECT program_id FROM relief_arrangement WHERE account_id = ? AND arrangement_id = ?",
                String.class, accountId.value(), arrangementId));
    }

    @EventHandler
    void on(ChargePosted event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            jdbc.update("""
                    INSERT INTO relief_charge (account_id, charge_id, due_date, amount_kopecks) VALUES (?, ?, ?, ?)""",
                    event.accountId().value(), event.chargeId().value(), Date.valueOf(event.dueDate()),
                    event.amount().kopecks());
        }
    }

    /** As in the overdue projection: a decrease lowers the charge, an increase is a debt with its own due date. */
    @EventHandler
    void on(ru.utility.ledger.core.api.account.ChargeCorrected event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            if (event.increases()) {
                jdbc.update("""
                        INSERT INTO relief_charge (account_id, charge_id, due_date, amount_kopecks) VALUES (?, ?, ?, ?)""",
                        event.accountId().value(), event.correctionId().debtId().value(), Date.valueOf(event.dueDate()),
                        event.difference().kopecks());
            } else {
                jdbc.update("UPDATE relief_charge SET amount_kopecks = amount_kopecks + ? WHERE account_id = ? AND charge_id = ?",
                        event.difference().kopecks(), event.accountId().value(), event.chargeId().value());
            }
        }
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            jdbc.update("""
                    INSERT INTO relief_payment (account_id, payment_id, received_on, amount_kopecks) VALUES (?, ?, ?, ?)""",
                    event.accountId().value(), event.paymentId().value(), Date.valueOf(event.receivedOn()),
                    event.amount().kopecks());
        }
    }

    @EventHandler
    void on(PaymentReversed event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            jdbc.update("UPDATE relief_payment SET reversed = true WHERE account_id = ? AND payment_id = ?",
                    event.accountId().value(), event.paymentId().value());
        }
    }

    @EventHandler
    void on(PaymentAllocated event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            for (Allocation allocation : principal(event.allocations())) {
                jdbc.update("""
                        INSERT INTO relief_settlement (account_id, charge_id, payment_id, paid_on, amount_kopecks)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, charge_id, payment_id)
                        DO UPDATE SET amount_kopecks = relief_settlement.amount_kopecks + excluded.amount_kopecks""",
                        event.accountId().value(), allocation.chargeId().value(), event.paymentId().value(),
                        Date.valueOf(event.paidOn()), allocation.amount().kopecks());
            }
        }
    }

    @EventHandler
    void on(PaymentAllocationReleased event, @SequenceNumber long sequence) {
        if (firstDelivery(event.accountId(), sequence)) {
            for (Allocation allocation : principal(event.allocations())) {
                int updated = jdbc.update("""
                        UPDATE relief_settlement SET amount_kopecks = amount_kopecks - ?
                         WHERE account_id = ? AND charge_id = ? AND payment_id = ?""",
                        allocation.amount().kopecks(), event.accountId().value(), allocation.chargeId().value(),
                        event.paymentId().value());
                if (updated != 1) {
                    throw new IllegalStateException("release of payment " + event.paymentId().value() + " from charge "
                            + allocation.chargeId().value() + " of account " + event.accountId().value()
                            + " that the relief statistics projection never saw allocated");
                }
            }
            jdbc.update("DELETE FROM relief_settlement WHERE account_id = ? AND payment_id = ? AND amount_kopecks = 0",
                    event.accountId().value(), event.paymentId().value());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", ACCOUNT_TABLE, CATEGORY_TABLE, PROGRAM_TABLE, ENROLMENT_TABLE,
                CHARGE_TABLE, SETTLEMENT_TABLE, PAYMENT_TABLE, ARRANGEMENT_TABLE));
        guard.reset();
    }

    /** Adds to one of the enrolment's sums; the enrolment must be known (its AccountEnrolled came first). */
    void addToEnrolment(ProgramId programId, AccountId accountId, Measure measure, Money amount) {
        int updated = jdbc.update("UPDATE relief_enrolment SET " + measure.column() + " = " + measure.column()
                + " + ? WHERE program_id = ? AND account_id = ?", amount.kopecks(), programId.value(), accountId.value());
        requireEnrolment(updated, programId, accountId);
    }

    /**
     * Records that an enrolment's relief ended before its window did (ended early, plan completed or defaulted):
     * {@code lastDay} is the last day the relief applied.
     */
    void endEnrolment(ProgramId programId, AccountId accountId, LocalDate lastDay, Outcome outcome) {
        int updated = jdbc.update("UPDATE relief_enrolment SET ended_on = ?, outcome = ? WHERE program_id = ? AND account_id = ?",
                Date.valueOf(lastDay), outcome == null ? null : outcome.name(), programId.value(), accountId.value());
        requireEnrolment(updated, programId, accountId);
    }

    private static void requireEnrolment(int updated, ProgramId programId, AccountId accountId) {
        if (updated != 1) {
            throw new IllegalStateException("relief of programme " + programId.value() + " for account "
                    + accountId.value() + " that the relief statistics projection holds no enrolment for");
        }
    }

    private static List<Allocation> principal(List<Allocation> allocations) {
        return allocations.stream().filter(a -> a.kind() == DebtKind.PRINCIPAL).toList();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** False when this event (or a later one) was applied already; a new event of an unopened account fails. */
    boolean firstDelivery(AccountId accountId, long sequence) {
        if (!guard.firstDelivery(accountId.value(), sequence)) {
            return false;
        }
        Integer known = jdbc.queryForObject("SELECT count(*) FROM relief_account WHERE account_id = ?",
                Integer.class, accountId.value());
        if (known == null || known == 0) {
            throw new IllegalStateException("event " + sequence + " of account " + accountId.value()
                    + " arrived before the account's opening in the relief statistics projection");
        }
        return true;
    }

    /** The programme stream's, like the account's. */
    boolean firstDelivery(ProgramId programId, long sequence) {
        if (!guard.firstDelivery(programId.value(), sequence)) {
            return false;
        }
        Integer known = jdbc.queryForObject("SELECT count(*) FROM relief_program WHERE program_id = ?",
                Integer.class, programId.value());
        if (known == null || known == 0) {
            throw new IllegalStateException("event " + sequence + " of programme " + programId.value()
                    + " arrived before its launch in the relief statistics projection");
        }
        return true;
    }
}

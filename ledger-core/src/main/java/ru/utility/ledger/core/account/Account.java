package ru.utility.ledger.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.AccruePenalty;
import ru.utility.ledger.core.api.account.AgreeInstallmentPlan;
import ru.utility.ledger.core.api.account.AmnestyReceipt;
import ru.utility.ledger.core.api.account.CategoryReceipt;
import ru.utility.ledger.core.api.account.ChargeCorrectionReceipt;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.ChargeReceipt;
import ru.utility.ledger.core.api.account.CloseAccount;
import ru.utility.ledger.core.api.account.CorrectCharge;
import ru.utility.ledger.core.api.account.CorrectDueDates;
import ru.utility.ledger.core.api.account.CreditDiscount;
import ru.utility.ledger.core.api.account.DeferralReceipt;
import ru.utility.ledger.core.api.account.DueDateCorrected;
import ru.utility.ledger.core.api.account.DueDateCorrectionReceipt;
import ru.utility.ledger.core.api.account.EndDeferralEarly;
import ru.utility.ledger.core.api.account.EndEnrolment;
import ru.utility.ledger.core.api.account.EnrolInProgramme;
import ru.utility.ledger.core.api.account.EnrolmentReceipt;
import ru.utility.ledger.core.api.account.ErasePersonalData;
import ru.utility.ledger.core.api.account.ErasureReceipt;
import ru.utility.ledger.core.api.account.GrantDeferral;
import ru.utility.ledger.core.api.account.GrantSocialCategory;
import ru.utility.ledger.core.api.account.HouseholdTypeReceipt;
import ru.utility.ledger.core.api.account.HouseholdTypeSet;
import ru.utility.ledger.core.api.account.InstallmentMissed;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.InstallmentPlanReceipt;
import ru.utility.ledger.core.api.account.NoticeDeliveryReceipt;
import ru.utility.ledger.core.api.account.NoticeReceipt;
import ru.utility.ledger.core.api.account.OpenAccount;
import ru.utility.ledger.core.api.account.PaymentReceipt;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PenaltyReceipt;
import ru.utility.ledger.core.api.account.PersonalDataErased;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordNoticeDelivery;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.core.api.account.RecordRestrictionNotice;
import ru.utility.ledger.core.api.account.RefuseDiscount;
import ru.utility.ledger.core.api.account.RestrictionNoticeDelivered;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;
import ru.utility.ledger.core.api.account.ReversalReceipt;
import ru.utility.ledger.core.api.account.ReversePayment;
import ru.utility.ledger.core.api.account.ReviewAmnesty;
import ru.utility.ledger.core.api.account.ReviewInstallmentPlans;
import ru.utility.ledger.core.api.account.ReviewReceipt;
import ru.utility.ledger.core.api.account.RevokeSocialCategory;
import ru.utility.ledger.core.api.account.SetHouseholdType;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.category.CategoryGrant;
import ru.utility.ledger.core.debt.DebtLedger;
import ru.utility.ledger.core.rules.DueDateRules;
import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static ru.utility.ledger.core.account.Violations.requireNotAfter;
import static ru.utility.ledger.core.account.Violations.requireNotBeforeOpening;

/**
 * A personal account. Handlers decide and apply events; all state changes go through {@link AccountState#evolve}.
 *
 * <p>Repeats are answered before any other rule: a charge or payment id that is already on the account
 * gets its original receipt (or an idempotency conflict) even if the account has been closed since,
 * because a retry must get the answer the first attempt got, whatever happened in between.
 *
 * <p>Fields are visible to Jackson so that the aggregate can be snapshotted with the event serializer.
 */
@AggregateRoot
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Account {

    @AggregateIdentifier
    private AccountId id;

    private AccountState state = AccountState.initial();

    protected Account() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenAccount command, Clock clock) {
        if (state.isOpened()) {
            throw LedgerRuleViolation.of(RuleViolationCode.ACCOUNT_EXISTS,
                    "accountId", "account " + command.accountId() + " already exists");
        }
        requireNotAfter(command.openedOn(), LedgerTime.today(clock), "openedOn");
        apply(new AccountOpened(command.accountId(), command.holderName(), command.regionCode(), command.openedOn()));
    }

    @CommandHandler
    public ChargeReceipt handle(PostCharge command, Clock clock, DueDateRules dueDateRules) {
        var posted = state.charge(command.chargeId());
        if (posted.isPresent()) {
            if (!posted.get().hasSameContentAs(command)) {
                throw Violations.idempotencyConflict("chargeId", command.chargeId(), "charge");
            }
            return posted.get().receipt(id, true);
        }
        if (InstallmentRules.isInstallment(state, command.chargeId())) {
            throw Violations.idempotencyConflict("chargeId", command.chargeId(), "installment; charge");
        }
        if (state.debts().charge(command.chargeId()).isPresent()) {
            // Not a posted charge, yet owed under this id: the increase of a charge correction.
            throw Violations.idempotencyConflict("chargeId", command.chargeId(), "charge correction; charge");
        }
        requireOpen();
        LocalDate postedOn = command.postedOn() != null ? command.postedOn() : LedgerTime.today(clock);
        requireNotAfter(postedOn, LedgerTime.today(clock), "postedOn");
        requireNotBeforeOpening(postedOn, state.openedOn(), "postedOn");
        BillingPeriod period = command.billingPeriod();
        if (period.isBefore(BillingPeriod.of(state.openedOn()))) {
            throw LedgerRuleViolation.of(RuleViolationCode.BEFORE_OPENING, "billingPeriod",
                    "billing period " + period + " is before the account was opened on " + state.openedOn());
        }
        // A period cannot be billed before it has begun, whether the charge is posted today or backdated.
        BillingPeriod current = BillingPeriod.of(postedOn);
        if (period.isAfter(current)) {
            throw LedgerRuleViolation.of(RuleViolationCode.PERIOD_IN_FUTURE, "billingPeriod",
                    "billing period " + period + " is after the period " + current + " of the posting date " + postedOn);
        }
        var event = new ChargePosted(id, command.chargeId(), period, command.amount(), command.kwh(),
                command.description(), dueDateRules.dueDateFor(period), postedOn);
        apply(event);
        if (EnrolmentRules.isEnergy(command)) {
            EnrolmentRules.discounts(id, state, event).forEach(AggregateLifecycle::apply);
        }
        settle(null);
        return ChargeEntry.of(event).receipt(id, false);
    }

    @CommandHandler
    public PaymentReceipt handle(RecordPayment command, Clock clock) {
        var recorded = state.payment(command.paymentId());
        if (recorded.isPresent()) {
            if (!recorded.get().hasSameContentAs(command)) {
                throw Violations.idempotencyConflict("paymentId", command.paymentId(), "payment");
            }
            return recorded.get().receipt(id, true);
        }
        if (state.debts().payment(command.paymentId()).isPresent()) {
            // The id is a relief programme's compensation credit on this account.
            throw Violations.idempotencyConflict("paymentId", command.paymentId(), "credit");
        }
        requireOpen();
        requireNotAfter(command.receivedOn(), LedgerTime.today(clock), "receivedOn");
        requireNotBeforeOpening(command.receivedOn(), state.openedOn(), "receivedOn");
        var event = new PaymentRecorded(id, command.paymentId(), command.amount(), command.channel(),
                command.receivedOn(), command.billingPeriod());
        apply(event);
        settle(command.paymentId());
        return PaymentEntry.of(event).receipt(id, false);
    }

    /** A repeat is recognised by its reason alone: the date of a retried reversal may be filled in anew. */
    @CommandHandler
    public ReversalReceipt handle(ReversePayment command, Clock clock) {
        PaymentEntry payment = state.payment(command.paymentId()).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_PAYMENT, "paymentId",
                "payment " + command.paymentId() + " is not recorded on account " + id));
        if (payment.isReversed()) {
            if (!Objects.equals(payment.reversalReason(), command.reason())) {
                throw LedgerRuleViolation.of(RuleViolationCode.ALREADY_REVERSED,
                        "paymentId", "payment " + command.paymentId()
                        + " was already reversed on " + payment.reversedOn() + ": " + payment.reversalReason());
            }
            return payment.reversalReceipt(id, true);
        }
        requireOpen();
        requireNotAfter(command.reversedOn(), LedgerTime.today(clock), "reversedOn");
        if (command.reversedOn().isBefore(payment.receivedOn())) {
            throw LedgerRuleViolation.of(RuleViolationCode.REVERSAL_BEFORE_PAYMENT,
                    "reversedOn", "reversedOn " + command.reversedOn()
                    + " is before the payment was received on " + payment.receivedOn());
        }
        apply(new PaymentReversed(id, payment.paymentId(), payment.amount(), command.reason(), command.reversedOn()));
        state.debts().releaseAll(id, payment.paymentId()).ifPresent(AggregateLifecycle::apply);
        settle(null);
        return new ReversalReceipt(id, payment.paymentId(), payment.amount(), command.reason(), command.reversedOn(), false);
    }

    /**
     * Posts the difference between the penalty owed on {@code asOf} and what is already accrued, so a
     * repeated run posts nothing and a run after a retroactive rule change posts the correction.
     */
    @CommandHandler
    public PenaltyReceipt handle(AccruePenalty command, Clock clock, PenaltyCalculator calculator) {
        requireOpen();
        LocalDate asOf = command.asOf();
        requireNotAfter(asOf, LedgerTime.today(clock), "asOf");
        DebtLedger debts = state.debts();
        LocalDate last = debts.penaltiesAccruedAsOf();
        if (last != null && asOf.isBefore(last)) {
            throw LedgerRuleViolation.of(RuleViolationCode.ACCRUAL_BEFORE_LAST, "asOf", "penalties on account " + id
                    + " were already accrued as of " + last + "; a run for " + asOf + " would go back in time");
        }
        Money owed = owedPenalty(calculator, asOf);
        Money accrued = debts.penaltiesAccrued();
        // Equal to owed unless penalties were written off (amnesty): those are never posted again.
        Money target = debts.penaltyToAccrue(owed);
        Money difference = target.minus(accrued);
        if (difference.isZero()) {
            return new PenaltyReceipt(id, asOf, owed, Money.ZERO, accrued);
        }
        apply(new PenaltyAccrued(id, asOf, difference, target));
        if (difference.isNegative()) {
            state.debts().releasePenaltyExcess(id).forEach(AggregateLifecycle::apply);
        }
        settle(null);
        return new PenaltyReceipt(id, asOf, owed, difference, target);
    }

    /** Penalty amnesty: the rules live in {@link AmnestyReview}. */
    @CommandHandler
    public AmnestyReceipt handle(ReviewAmnesty command, Clock clock, PenaltyCalculator calculator) {
        return new AmnestyReview(id, state).review(command, () -> handle(new AccruePenalty(id, command.asOf()),
                clock, calculator), this::requireOpen, LedgerTime.today(clock));
    }

    private Money owedPenalty(PenaltyCalculator calculator, LocalDate asOf) {
        try {
            return calculator.calculate(state.debts().penaltyTimeline(), asOf).total();
        } catch (IllegalArgumentException e) {
            throw LedgerRuleViolation.of(RuleViolationCode.NO_PENALTY_RULE, "asOf", e.getMessage());
        }
    }

    /**
     * One live grant per category: an identical repeat returns it, a different grant while it is live is a
     * conflict (revoke it first).
     */
    @CommandHandler
    public CategoryReceipt handle(GrantSocialCategory command) {
        if (state.isErased()) {
            throw LedgerRuleViolation.of(RuleViolationCode.PERSONAL_DATA_ERASED, "documentReference", "the personal data of account " + id
                    + " has been erased; a new supporting document cannot be recorded on it");
        }
        var current = state.categories().current(command.category());
        if (current.isPresent()) {
            CategoryGrant grant = current.get();
            if (Objects.equals(grant.validFrom(), command.validFrom()) && Objects.equals(grant.validTo(), command.validTo())
                    && grant.documentReference().equals(command.documentReference())) {
                return grant.receipt(id, true);
            }
            throw LedgerRuleViolation.of(RuleViolationCode.CATEGORY_ALREADY_GRANTED,
                    "category", "category " + command.category()
                    + " is already granted on account " + id + " from " + grant.validFrom()
                    + " (document " + grant.documentReference() + "); revoke it first");
        }
        requireOpen();
        apply(new SocialCategoryGranted(id, command.category(), command.validFrom(), command.validTo(),
                command.documentReference()));
        return state.categories().current(command.category()).orElseThrow().receipt(id, false);
    }

    /** A repeat is recognised by its reason, like a payment reversal. */
    @CommandHandler
    public CategoryReceipt handle(RevokeSocialCategory command) {
        var current = state.categories().current(command.category());
        if (current.isEmpty()) {
            var latest = state.categories().latest(command.category());
            if (latest.isPresent() && Objects.equals(latest.get().revocationReason(), command.reason())) {
                return latest.get().receipt(id, true);
            }
            throw LedgerRuleViolation.of(RuleViolationCode.CATEGORY_NOT_GRANTED,
                    "category", "category " + command.category()
                    + " is not currently granted on account " + id);
        }
        requireOpen();
        if (command.revokedOn().isBefore(current.get().validFrom())) {
            throw LedgerRuleViolation.of(RuleViolationCode.REVOCATION_BEFORE_GRANT,
                    "revokedOn", "revokedOn " + command.revokedOn()
                    + " is before the category became valid on " + current.get().validFrom());
        }
        apply(new SocialCategoryRevoked(id, command.category(), command.revokedOn(), command.reason()));
        return state.categories().latest(command.category()).orElseThrow().receipt(id, false);
    }

    /** A notice id already recorded with the same date is a repeat; with another date, a conflict. */
    @CommandHandler
    public NoticeReceipt handle(RecordRestrictionNotice command, Clock clock) {
        LocalDate recorded = state.notices().get(command.noticeId());
        if (recorded != null) {
            if (!recorded.equals(command.sentOn())) {
                throw Violations.idempotencyConflict("noticeId", command.noticeId(), "restriction notice");
            }
            return new NoticeReceipt(id, command.noticeId(), recorded, true);
        }
        requireOpen();
        requireNotAfter(command.sentOn(), LedgerTime.today(clock), "sentOn");
        requireNotBeforeOpening(command.sentOn(), state.openedOn(), "sentOn");
        apply(new RestrictionNoticeSent(id, command.noticeId(), command.sentOn()));
        return new NoticeReceipt(id, command.noticeId(), command.sentOn(), false);
    }

    /** The type in force again is a repeat: nothing is recorded and the receipt names the day it was set. */
    @CommandHandler
    public HouseholdTypeReceipt handle(
            SetHouseholdType command, Clock clock) {
        var current = state.household();
        if (current != null && current.householdType() == command.householdType()) {
            return new HouseholdTypeReceipt(id, current.householdType(),
                    current.setOn(), true);
        }
        requireOpen();
        requireNotAfter(command.setOn(), LedgerTime.today(clock), "setOn");
        requireNotBeforeOpening(command.setOn(), state.openedOn(), "setOn");
        apply(new HouseholdTypeSet(id, command.householdType(), command.setOn()));
        return new HouseholdTypeReceipt(id, command.householdType(),
                command.setOn(), false);
    }

    /**
     * One delivery per notice: the same delivery again is a repeat, another one a conflict. A delivery cannot
     * precede its notice's sending.
     */
    @CommandHandler
    public NoticeDeliveryReceipt handle(
            RecordNoticeDelivery command, Clock clock) {
        LocalDate sentOn = state.notices().get(command.noticeId());
        if (sentOn == null) {
            throw LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_NOTICE, "noticeId",
                    "no restriction notice " + command.noticeId() + " was recorded on account " + id);
        }
        var delivered = state.deliveries().get(command.noticeId());
        if (delivered != null) {
            if (!delivered.deliveredOn().equals(command.deliveredOn()) || delivered.channel() != command.channel()) {
                throw Violations.idempotencyConflict("noticeId", command.noticeId(), "delivery of restriction notice");
            }
            return new NoticeDeliveryReceipt(id, command.noticeId(), sentOn,
                    delivered.deliveredOn(), delivered.channel(), true);
        }
        requireOpen();
        requireNotAfter(command.deliveredOn(), LedgerTime.today(clock), "deliveredOn");
        if (command.deliveredOn().isBefore(sentOn)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DELIVERY_BEFORE_NOTICE,
                    "deliveredOn", "deliveredOn " + command.deliveredOn() + " is before notice " + command.noticeId()
                            + " was sent on " + sentOn);
        }
        apply(new RestrictionNoticeDelivered(id, command.noticeId(),
                command.deliveredOn(), command.channel()));
        return new NoticeDeliveryReceipt(id, command.noticeId(), sentOn,
                command.deliveredOn(), command.channel(), false);
    }

    /**
     * Enrols the account if its holder is eligible on the day; the rules live in {@link EnrolmentRules}. A
     * COMPENSATION programme's credit settles debts like a payment.
     */
    @CommandHandler
    public EnrolmentReceipt handle(EnrolInProgramme command) {
        var decision = EnrolmentRules.enrol(id, state, command);
        if (decision.repeat() != null) {
            return decision.repeat();
        }
        decision.events().forEach(AggregateLifecycle::apply);
        if (decision.credit() != null) {
            settle(decision.credit());
        }
        return EnrolmentRules.receipt(id, state, decision.enrolled(), false);
    }

    /** Lets unallocated credit settle whatever is open, emitting one allocation event per payment used. */
    private void settle(PaymentId received) {
        state.debts().settle(id, received).forEach(AggregateLifecycle::apply);
        InstallmentRules.completions(id, state).forEach(AggregateLifecycle::apply);
    }

    /**
     * Credits a claimed discount once its programme has paid it from the budget ({@link EnrolmentRules}); the
     * credit settles debts like a payment, and on an account closed meanwhile it stays as credit.
     *
     * @return false when the claim was already credited (nothing recorded)
     */
    @CommandHandler
    public boolean handle(CreditDiscount command) {
        var credit = EnrolmentRules.credit(id, state, command);
        credit.ifPresent(c -> {
            apply(c);
            settle(c.creditId());
        });
        return credit.isPresent();
    }

    /** @return false when the refusal was already recorded (nothing recorded) */
    @CommandHandler
    public boolean handle(RefuseDiscount command) {
        var refusal = EnrolmentRules.refuse(id, state, command);
        refusal.ifPresent(AggregateLifecycle::apply);
        return refusal.isPresent();
    }

    /**
     * Ends the enrolment from {@code endedOn} on ({@link EnrolmentRules}); not refused on a closed account.
     *
     * @return false when the enrolment had already ended on that date (nothing recorded)
     */
    @CommandHandler
    public boolean handle(EndEnrolment command) {
        var end = EnrolmentRules.end(id, state, command);
        end.ifPresent(AggregateLifecycle::apply);
        return end.isPresent();
    }

    @CommandHandler
    public void handle(CloseAccount command, Clock clock) {
        requireOpen();
        if (!state.balance().isZero()) {
            throw LedgerRuleViolation.of(RuleViolationCode.BALANCE_NOT_ZERO,
                    null, "account " + id + " has balance " + state.balance()
                    + "; only an account with balance 0.00 can be closed");
        }
        LocalDate closedOn = command.closedOn();
        requireNotAfter(closedOn, LedgerTime.today(clock), "closedOn");
        requireNotBeforeOpening(closedOn, state.openedOn(), "closedOn");
        apply(new AccountClosed(id, closedOn));
    }

    /**
     * Erases the holder's personal data once. The event holds none; the data key is deleted by the caller
     * (ledger-api), and every later grant of a category, which would bring new personal data, is refused.
     */
    @CommandHandler
    public ErasureReceipt handle(ErasePersonalData command, Clock clock) {
        if (state.isErased()) {
            throw LedgerRuleViolation.of(RuleViolationCode.PERSONAL_DATA_ERASED, "accountId", "the personal data of account " + id
                    + " has already been erased");
        }
        requireNotAfter(command.erasedOn(), LedgerTime.today(clock), "erasedOn");
        apply(new PersonalDataErased(id, command.erasedOn(), command.reason()));
        return new ErasureReceipt(id, command.erasedOn(), command.reason());
    }

    /** Delegates to DeferralRules; a deferral moves no money, so nothing is settled. */
    @CommandHandler
    public DeferralReceipt handle(GrantDeferral command,
                                                                     Clock clock) {
        var decision = DeferralRules.grant(id, state, command, LedgerTime.today(clock));
        if (decision.repeat() != null) {
            return decision.repeat();
        }
        apply(decision.event());
        return DeferralRules.receipt(id, state, command.deferralId());
    }

    @CommandHandler
    public DeferralReceipt handle(EndDeferralEarly command,
                                                                     Clock clock) {
        var decision = DeferralRules.endEarly(id, state, command, LedgerTime.today(clock));
        if (decision.repeat() != null) {
            return decision.repeat();
        }
        apply(decision.event());
        return DeferralRules.receipt(id, state, command.deferralId());
    }

    /** Delegates to InstallmentRules; the plan moves no money, it changes which debts are owed when. */
    @CommandHandler
    public InstallmentPlanReceipt handle(
            AgreeInstallmentPlan command, Clock clock, DueDateRules dueDateRules) {
        var decision = InstallmentRules.agree(id, state, command, LedgerTime.today(clock), dueDateRules.calendar());
        if (decision.repeat() != null) {
            return decision.repeat();
        }
        apply(decision.event());
        settle(null);
        return InstallmentRules.receipt(id, state, command.planId());
    }

    /** Records the misses and defaults due by asOf; a repeat finds nothing new and records nothing. */
    @CommandHandler
    public ReviewReceipt handle(
            ReviewInstallmentPlans command, Clock clock) {
        requireOpen();
        requireNotAfter(command.asOf(), LedgerTime.today(clock), "asOf");
        var events = InstallmentRules.review(id, state, command.asOf());
        events.forEach(AggregateLifecycle::apply);
        return new ReviewReceipt(id, command.asOf(),
                events.stream().filter(e -> e instanceof InstallmentMissed)
                        .map(e -> (InstallmentMissed) e).toList(),
                events.stream().filter(e -> e instanceof InstallmentPlanDefaulted)
                        .map(e -> (InstallmentPlanDefaulted) e).toList());
    }

    /**
     * Re-derives every posted charge's due date under the rules in force and records the ones that differ;
     * a repeat finds nothing to correct. Installments keep the dates of their plan (agreed with the customer).
     */
    @CommandHandler
    public DueDateCorrectionReceipt handle(
            CorrectDueDates command, Clock clock, DueDateRules dueDateRules) {
        LocalDate today = LedgerTime.today(clock);
        var corrections = new ArrayList<DueDateCorrected>();
        for (var charge : state.debts().charges()) {
            // An increase by a correction falls due with the month it was billed in, not with its period.
            if (InstallmentRules.isInstallment(state, charge.chargeId()) || state.charge(charge.chargeId()).isEmpty()) {
                continue;
            }
            LocalDate derived = dueDateRules.dueDateFor(charge.billingPeriod());
            if (!derived.equals(charge.dueDate())) {
                corrections.add(new DueDateCorrected(id, charge.chargeId(),
                        charge.billingPeriod(), charge.dueDate(), derived, today,
                        "Housing Code art. 155 p.1 due day, moved to a working day by the production calendar "
                                + "(Civil Code art. 193)"));
            }
        }
        corrections.forEach(AggregateLifecycle::apply);
        return new DueDateCorrectionReceipt(id, corrections);
    }

    /**
     * Corrects a charge (перерасчёт); the rules live in {@link ChargeCorrections}. A decrease below what was paid
     * releases the excess as credit, which then settles other debts like any credit; an increase is a debt of its
     * own that credit may settle at once.
     */
    @CommandHandler
    public ChargeCorrectionReceipt handle(
            CorrectCharge command, Clock clock, DueDateRules dueDateRules) {
        var decision = ChargeCorrections.correct(id, state, command, LedgerTime.today(clock), dueDateRules,
                this::requireOpen);
        if (decision.repeat() != null) {
            return decision.repeat();
        }
        apply(decision.event());
        if (!decision.event().increases()) {
            state.debts().releasePrincipalExcess(id, command.chargeId()).forEach(AggregateLifecycle::apply);
        }
        settle(null);
        return ChargeCorrections.receipt(id, state, decision.event(), false);
    }

    @EventSourcingHandler
    void on(AccountEvent event) {
        state = state.evolve(event);
        id = state.id();
    }

    private void requireOpen() {
        if (state.isClosed()) {
            throw Violations.accountClosed(id, state.closedOn());
        }
    }
}

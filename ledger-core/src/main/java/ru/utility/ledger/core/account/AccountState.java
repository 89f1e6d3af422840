package ru.utility.ledger.core.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.DiscountBudgetLinked;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.DiscountRefused;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.category.CategoryBook;
import ru.utility.ledger.core.enrolment.EnrolmentBook;
import ru.utility.ledger.core.debt.DebtLedger;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the account's rules need to know, folded from its events by {@link #evolve}.
 *
 * <p>Performance choice: an account collects hundreds of charges and payments, and copying both maps on
 * every event would make loading it quadratic. So the state is a <em>linear</em> value: {@code evolve}
 * hands its maps on to the state it returns and updates them in place. Only the newest state of a fold
 * may be used; to see the account as it was at some point, fold its events again up to that point.
 * Maps passed in from outside (tests, snapshot deserialization) are copied once.
 *
 * @param status  null until the account is opened
 * @param balance what the customer owes; negative is a credit
 * @param debts      which payments settle which charges and penalties (linear like the maps)
 * @param enrolments the relief programmes the account is enrolled in
 * @param categories the holder's social categories (linear like the maps)
 * @param notices    restriction notices sent, by notice id, with their dates
 * @param deliveries restriction notices delivered, by notice id
 * @param household  the household type in force and since when, or null while none was set
 */
public record AccountState(AccountId id, String holderName, RegionCode regionCode, AccountStatus status,
                           LocalDate openedOn, LocalDate closedOn, Money balance,
                           Map<ChargeId, ChargeEntry> charges, Map<PaymentId, PaymentEntry> payments,
                           DebtLedger debts, CategoryBook categories, EnrolmentBook enrolments,
                           Map<String, LocalDate> notices,
                           Map<String, ru.utility.ledger.core.api.account.RestrictionNoticeDelivered> deliveries,
                           ru.utility.ledger.core.api.account.HouseholdTypeSet household) {

    public AccountState {
        debts = debts == null ? new DebtLedger() : debts;
        categories = categories == null ? new CategoryBook() : categories;
        // Few per account (a snapshot from before notices existed has none), so a copy per state is cheap.
        notices = notices == null ? Map.of() : Map.copyOf(notices);
        deliveries = deliveries == null ? Map.of() : Map.copyOf(deliveries);
        enrolments = enrolments == null ? new EnrolmentBook() : enrolments;
        charges = charges instanceof Owned<ChargeId, ChargeEntry> owned ? owned : new Owned<>(charges);
        payments = payments instanceof Owned<PaymentId, PaymentEntry> owned ? owned : new Owned<>(payments);
    }

    public static AccountState initial() {
        return new AccountState(null, null, null, null, null, null, Money.ZERO, Map.of(), Map.of(), new DebtLedger(), new CategoryBook(), new EnrolmentBook(), Map.of(), Map.of(), null);
    }

    public AccountState evolve(AccountEvent event) {
        debts.apply(event);
        categories.apply(event);
        enrolments.apply(event);
        return switch (event) {
            case AccountOpened e -> new AccountState(e.accountId(), e.holderName(), e.regionCode(),
                    AccountStatus.OPEN, e.openedOn(), null, Money.ZERO, charges, payments, debts, categories, enrolments, notices, deliveries, household);
            case ChargePosted e -> {
                charges.put(e.chargeId(), ChargeEntry.of(e));
                yield withBalance(balance.plus(e.amount()));
            }
            case PaymentRecorded e -> {
                payments.put(e.paymentId(), PaymentEntry.of(e));
                yield withBalance(balance.minus(e.amount()));
            }
            case PaymentReversed e -> {
                payments.computeIfPresent(e.paymentId(), (id, payment) -> payment.withReversal(e.reason(), e.reversedOn()));
                yield withBalance(balance.plus(e.amount()));
            }
            case AccountClosed e -> new AccountState(id, holderName, regionCode, AccountStatus.CLOSED, openedOn,
                    e.closedOn(), balance, charges, payments, debts, categories, enrolments, notices, deliveries, household);
            case PenaltyAccrued e -> withBalance(balance.plus(e.amount()));
            // Allocation moves money between debts, never the balance.
            case PaymentAllocated e -> this;
            case PaymentAllocationReleased e -> this;
            case SocialCategoryGranted e -> this;
            case SocialCategoryRevoked e -> this;
            case RestrictionNoticeSent e -> {
                Map<String, LocalDate> sent = new HashMap<>(notices);
                sent.put(e.noticeId(), e.sentOn());
                yield new AccountState(id, holderName, regionCode, status, openedOn, closedOn, balance, charges,
                        payments, debts, categories, enrolments, sent, deliveries, household);
            }
            case AccountEnrolled e -> this;
            case CompensationCredited e -> withBalance(balance.minus(e.amount()));
            case DiscountCredited e -> withBalance(balance.minus(e.amount()));
            case PenaltiesWrittenOff e -> withBalance(balance.minus(e.amount()));
            // Folded by the EnrolmentBook; no money moves until a claim is credited.
            case DiscountBudgetLinked e -> this;
            case DiscountClaimed e -> this;
            case DiscountRefused e -> this;
            case EnrolmentEnded e -> this;
            // Deferrals move due dates (held in the DebtLedger), never money.
            case ru.utility.ledger.core.api.account.DeferralGranted e -> this;
            case ru.utility.ledger.core.api.account.DeferralEndedEarly e -> this;
            // An installment plan changes which debts are owed when (in the DebtLedger); the balance stays.
            case ru.utility.ledger.core.api.account.InstallmentPlanAgreed e -> this;
            case ru.utility.ledger.core.api.account.InstallmentMissed e -> this;
            case ru.utility.ledger.core.api.account.InstallmentPlanDefaulted e -> this;
            case ru.utility.ledger.core.api.account.InstallmentPlanCompleted e -> this;
            // A corrected due date lives in the DebtLedger, like a deferral's.
            case ru.utility.ledger.core.api.account.DueDateCorrected e -> this;
            // A recalculation raises or lowers what is owed; which debt it changes lives in the DebtLedger.
            case ru.utility.ledger.core.api.account.ChargeCorrected e -> withBalance(balance.plus(e.difference()));
            case ru.utility.ledger.core.api.account.HouseholdTypeSet e -> new AccountState(id, holderName, regionCode,
                    status, openedOn, closedOn, balance, charges, payments, debts, categories, enrolments, notices,
                    deliveries, e);
            // The name is gone for good: a null name on an opened account is how the state knows it was erased.
            case ru.utility.ledger.core.api.account.PersonalDataErased e -> new AccountState(id, null, regionCode,
                    status, openedOn, closedOn, balance, charges, payments, debts, categories, enrolments, notices,
                    deliveries, household);
            case ru.utility.ledger.core.api.account.RestrictionNoticeDelivered e -> {
                Map<String, ru.utility.ledger.core.api.account.RestrictionNoticeDelivered> delivered = new HashMap<>(deliveries);
                delivered.put(e.noticeId(), e);
                yield new AccountState(id, holderName, regionCode, status, openedOn, closedOn, balance, charges,
                        payments, debts, categories, enrolments, notices, delivered, household);
            }
        };
    }

    @Override
    public Map<ChargeId, ChargeEntry> charges() {
        return Collections.unmodifiableMap(charges);
    }

    @Override
    public Map<PaymentId, PaymentEntry> payments() {
        return Collections.unmodifiableMap(payments);
    }

    public Optional<ChargeEntry> charge(ChargeId chargeId) {
        return Optional.ofNullable(charges.get(chargeId));
    }

    public Optional<PaymentEntry> payment(PaymentId paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    @JsonIgnore
    public boolean isOpened() {
        return status != null;
    }

    /** Whether the holder's personal data has been erased (PersonalDataErased). */
    @JsonIgnore
    public boolean isErased() {
        return isOpened() && holderName == null;
    }

    @JsonIgnore
    public boolean isClosed() {
        return status == AccountStatus.CLOSED;
    }

    private AccountState withBalance(Money newBalance) {
        return new AccountState(id, holderName, regionCode, status, openedOn, closedOn, newBalance, charges, payments, debts, categories, enrolments, notices, deliveries, household);
    }

    /** Marks maps that belong to a chain of states, so the constructor can hand them on without copying. */
    private static final class Owned<K, V> extends HashMap<K, V> {
        Owned(Map<K, V> source) {
            super(source);
        }
    }
}

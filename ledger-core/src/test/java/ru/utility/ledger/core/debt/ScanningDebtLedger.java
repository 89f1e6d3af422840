package ru.utility.ledger.core.debt;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.account.InstallmentMissed;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanCompleted;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.debt.AllocationEntry;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.api.debt.PaymentCredit;
import ru.utility.ledger.core.api.debt.PlanEntry;
import ru.utility.ledger.core.rules.allocation.Allocator;
import ru.utility.ledger.core.api.debt.OpenDebt;
import ru.utility.ledger.core.api.penalty.DebtPart;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TEST-ONLY reference: DebtLedger as it was before its lookups were indexed (every lookup scans the lists),
 * kept verbatim to check that the indexed ledger answers and decides exactly the same.
 *
 * <p>Who paid what on one account, folded from its events: the charges, the payments, the slices of
 * payments that settle charges and penalties, and the penalties accrued. The aggregate keeps one to
 * decide which allocation events to emit; read models fold the same events through the same class, so
 * the allocation shown and the allocation decided cannot differ.
 *
 * <p>Mutable: {@link #apply} changes it in place (an account's state is a linear value, see AccountState).
 * Fields are visible to Jackson so that it is part of the aggregate's snapshot.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class ScanningDebtLedger {

    private List<ChargeDebt> charges = new ArrayList<>();
    private List<PaymentCredit> payments = new ArrayList<>();
    private List<AllocationEntry> allocations = new ArrayList<>();
    private Money penaltiesAccrued = Money.ZERO;
    private LocalDate penaltiesAccruedAsOf;
    /** Penalties written off by amnesty programmes, by programme id (see PenaltiesWrittenOff). */
    private Map<String, Money> penaltiesWrittenOff = new java.util.LinkedHashMap<>();
    private DeferralBook deferrals = new DeferralBook();
    private InstallmentBook installments = new InstallmentBook();
    /** Charge corrections by correction id (an increase is also a debt in {@code charges}, under that id). */
    private Map<String, ru.utility.ledger.core.api.account.ChargeCorrected> corrections = new java.util.LinkedHashMap<>();

    static ScanningDebtLedger of(List<? extends AccountEvent> events) {
        ScanningDebtLedger ledger = new ScanningDebtLedger();
        events.forEach(ledger::apply);
        return ledger;
    }

    public ScanningDebtLedger apply(AccountEvent event) {
        switch (event) {
            case ChargePosted e -> charges.add(new ChargeDebt(e.chargeId(), e.billingPeriod(), e.amount(), e.dueDate()));
            case PaymentRecorded e -> payments.add(new PaymentCredit(e.paymentId(), e.amount(), e.receivedOn(),
                    e.billingPeriod(), false));
            // A compensation is money paid in by a programme: it settles debts exactly like a payment.
            case CompensationCredited e -> payments.add(new PaymentCredit(e.creditId(), e.amount(), e.creditedOn(),
                    null, false));
            // A discount pays the period of the charge it was given for first.
            case DiscountCredited e -> payments.add(new PaymentCredit(e.creditId(), e.amount(), e.creditedOn(),
                    charge(e.chargeId()).map(ChargeDebt::billingPeriod).orElse(null), false));
            case PaymentReversed e -> payments.replaceAll(p -> p.paymentId().equals(e.paymentId()) ? p.reverse() : p);
            case PaymentAllocated e -> e.allocations().forEach(a -> allocations.add(new AllocationEntry(
                    e.paymentId(), e.paidOn(), e.source(), a.kind(), a.chargeId(), a.amount())));
            case PaymentAllocationReleased e -> e.allocations().forEach(a -> release(e.paymentId(), a));
            case PenaltyAccrued e -> {
                penaltiesAccrued = e.totalAccrued();
                penaltiesAccruedAsOf = e.asOf();
            }
            case PenaltiesWrittenOff e -> penaltiesWrittenOff.put(e.programId().value(), e.amount());
            case DeferralGranted e -> deferrals.apply(e);
            case DeferralEndedEarly e -> deferrals.apply(e);
            case InstallmentPlanAgreed e -> installments.apply(e);
            case InstallmentMissed e -> installments.apply(e);
            case InstallmentPlanDefaulted e -> installments.apply(e);
            case InstallmentPlanCompleted e -> installments.apply(e);
            case ru.utility.ledger.core.api.account.DueDateCorrected e -> charges.replaceAll(c -> c.chargeId().equals(e.chargeId())
                    ? new ChargeDebt(c.chargeId(), c.billingPeriod(), c.amount(), e.dueDate()) : c);
            case ru.utility.ledger.core.api.account.ChargeCorrected e -> {
                corrections.put(e.correctionId().value(), e);
                if (e.increases()) {
                    charges.add(new ChargeDebt(e.correctionId().debtId(), e.billingPeriod(), e.difference(), e.dueDate()));
                } else {
                    charges.replaceAll(c -> c.chargeId().equals(e.chargeId())
                            ? new ChargeDebt(c.chargeId(), c.billingPeriod(), c.amount().plus(e.difference()), c.dueDate()) : c);
                }
            }
            default -> {
                // Opening and closing move no money.
            }
        }
        return this;
    }

    // ---- decisions the aggregate takes --------------------------------------------------------------

    /**
     * Lets every payment with unallocated money, oldest value date first, settle the open debts.
     *
     * @param received the payment just recorded, whose slices are marked RECEIPT; null when none was
     */
    public List<PaymentAllocated> settle(AccountId accountId, PaymentId received) {
        List<OpenDebt> open = new ArrayList<>(openDebts());
        List<PaymentAllocated> events = new ArrayList<>();
        for (PaymentCredit credit : creditsOldestFirst()) {
            if (open.stream().allMatch(d -> d.outstanding().isZero())) {
                break;
            }
            List<Allocation> slices = allocate(credit, open);
            if (slices.isEmpty()) {
                continue;
            }
            open = reduce(open, slices);
            AllocationSource source = credit.paymentId().equals(received) ? AllocationSource.RECEIPT : AllocationSource.CREDIT;
            events.add(new PaymentAllocated(accountId, credit.paymentId(), credit.receivedOn(), source, slices));
        }
        return events;
    }

    /**
     * The period the payer named is paid first, even when an installment is due (the payer's choice prevails:
     * Civil Code art. 319.1, Supreme Court plenum No. 22 of 2017, p.32); then installments due on the payment's
     * value date (oldest first); what is left pays in the allocator's order, in which installments not yet due
     * stand by their due dates like charges. Debts time-barred on the value date are skipped unless named.
     */
    private List<Allocation> allocate(PaymentCredit credit, List<OpenDebt> open) {
        Money available = unallocated(credit.paymentId());
        if (credit.billingPeriod() != null) {
            List<OpenDebt> named = open.stream()
                    .filter(d -> d.kind() == DebtKind.PRINCIPAL && credit.billingPeriod().equals(d.period()))
                    .toList();
            // Named, so paid even when time-barred: the debtor may choose to (Civil Code art. 206 p.1).
            List<Allocation> first = Allocator.allocate(available, credit.billingPeriod(), named, credit.receivedOn());
            if (!first.isEmpty()) {
                Money left = available.minus(first.stream().map(Allocation::amount).reduce(Money.ZERO, Money::plus));
                List<Allocation> slices = new ArrayList<>(first);
                slices.addAll(allocateUnnamed(credit, left, reduce(open, first)));
                return slices;
            }
        }
        return allocateUnnamed(credit, available, open);
    }

    private List<Allocation> allocateUnnamed(PaymentCredit credit, Money available, List<OpenDebt> open) {
        List<OpenDebt> dueInstallments = open.stream()
                .filter(d -> d.kind() == DebtKind.PRINCIPAL && d.outstanding().isPositive()
                        && !d.dueDate().isAfter(credit.receivedOn()) && installments.planOf(d.chargeId()).isPresent())
                .toList();
        if (dueInstallments.isEmpty()) {
            return Allocator.allocate(available, credit.billingPeriod(), open, credit.receivedOn());
        }
        List<Allocation> first = Allocator.allocate(available, null, dueInstallments, credit.receivedOn());
        Money left = available.minus(first.stream().map(Allocation::amount).reduce(Money.ZERO, Money::plus));
        List<Allocation> slices = new ArrayList<>(first);
        slices.addAll(Allocator.allocate(left, credit.billingPeriod(), reduce(open, first), credit.receivedOn()));
        return slices;
    }

    /** Undoes all that a payment settles, for its reversal. */
    public Optional<PaymentAllocationReleased> releaseAll(AccountId accountId, PaymentId paymentId) {
        List<Allocation> slices = allocations.stream()
                .filter(a -> a.paymentId().equals(paymentId))
                .map(a -> new Allocation(a.kind(), a.chargeId(), a.amount()))
                .toList();
        return slices.isEmpty() ? Optional.empty() : Optional.of(new PaymentAllocationReleased(accountId, paymentId, slices));
    }

    /**
     * After a downward penalty correction the payments may have settled more penalty than is accrued;
     * the excess is released, newest slices first, and becomes credit again.
     */
    public List<PaymentAllocationReleased> releasePenaltyExcess(AccountId accountId) {
        long excess = allocatedTo(DebtKind.PENALTY, null).kopecks() - penaltiesAccrued.minus(penaltiesWrittenOff()).kopecks();
        Map<PaymentId, Long> released = new java.util.LinkedHashMap<>();
        for (int i = allocations.size() - 1; i >= 0 && excess > 0; i--) {
            AllocationEntry entry = allocations.get(i);
            if (entry.kind() == DebtKind.PENALTY) {
                long take = Math.min(excess, entry.amount().kopecks());
                released.merge(entry.paymentId(), take, Long::sum);
                excess -= take;
            }
        }
        return released.entrySet().stream()
                .map(e -> new PaymentAllocationReleased(accountId, e.getKey(),
                        List.of(Allocation.penalty(Money.ofKopecks(e.getValue())))))
                .toList();
    }

    /**
     * After a charge was corrected below what settles it (payments plus what a plan took over), the excess of the
     * payments' slices is released, newest slices first, and becomes credit again.
     */
    public List<PaymentAllocationReleased> releasePrincipalExcess(AccountId accountId, ChargeId chargeId) {
        ChargeDebt charge = charge(chargeId).orElseThrow();
        long excess = allocatedTo(DebtKind.PRINCIPAL, chargeId).plus(installments.restructured(chargeId))
                .minus(charge.amount()).kopecks();
        Map<PaymentId, Long> released = new java.util.LinkedHashMap<>();
        for (int i = allocations.size() - 1; i >= 0 && excess > 0; i--) {
            AllocationEntry entry = allocations.get(i);
            if (entry.kind() == DebtKind.PRINCIPAL && chargeId.equals(entry.chargeId())) {
                long take = Math.min(excess, entry.amount().kopecks());
                released.merge(entry.paymentId(), take, Long::sum);
                excess -= take;
            }
        }
        return released.entrySet().stream()
                .map(e -> new PaymentAllocationReleased(accountId, e.getKey(),
                        List.of(Allocation.principal(chargeId, Money.ofKopecks(e.getValue())))))
                .toList();
    }

    // ---- what it knows ------------------------------------------------------------------------------

    public List<ChargeDebt> charges() {
        return List.copyOf(charges);
    }

    public List<PaymentCredit> payments() {
        return List.copyOf(payments);
    }

    public Optional<ChargeDebt> charge(ChargeId chargeId) {
        return charges.stream().filter(c -> c.chargeId().equals(chargeId)).findFirst();
    }

    public Optional<PaymentCredit> payment(PaymentId paymentId) {
        return payments.stream().filter(p -> p.paymentId().equals(paymentId)).findFirst();
    }

    /** The slices that currently settle the charge, in the order they were made. */
    public List<AllocationEntry> allocationsTo(ChargeId chargeId) {
        return allocations.stream().filter(a -> chargeId.equals(a.chargeId())).toList();
    }

    /** The slices of the payment that currently settle debts, in the order they were made. */
    public List<AllocationEntry> allocationsOf(PaymentId paymentId) {
        return allocations.stream().filter(a -> a.paymentId().equals(paymentId)).toList();
    }

    public List<AllocationEntry> penaltyAllocations() {
        return allocations.stream().filter(a -> a.kind() == DebtKind.PENALTY).toList();
    }

    /** What is unpaid of a charge (less what an installment plan took over) or of an installment. */
    public Money outstanding(ChargeId chargeId) {
        Money charged = charge(chargeId).map(ChargeDebt::amount).orElseGet(() -> installmentAmount(chargeId));
        return charged.minus(allocatedTo(DebtKind.PRINCIPAL, chargeId)).minus(installments.restructured(chargeId));
    }

    private Money installmentAmount(ChargeId installmentId) {
        return installments.planOf(installmentId).flatMap(p -> p.installment(installmentId))
                .map(i -> i.amount()).orElse(Money.ZERO);
    }

    /** What of the installment was paid by payments with a value date on or before {@code day}. */
    public Money paidBy(ChargeId installmentId, LocalDate day) {
        return allocationsTo(installmentId).stream().filter(a -> a.kind() == DebtKind.PRINCIPAL && !a.paidOn().isAfter(day))
                .map(AllocationEntry::amount).reduce(Money.ZERO, Money::plus);
    }

    public Money penaltiesAccrued() {
        return penaltiesAccrued;
    }

    /** The date of the last penalty accrual, or null if none was posted. */
    public LocalDate penaltiesAccruedAsOf() {
        return penaltiesAccruedAsOf;
    }

    public Money penaltiesOutstanding() {
        return penaltiesAccrued.minus(allocatedTo(DebtKind.PENALTY, null)).minus(penaltiesWrittenOff());
    }

    /** All penalties written off by amnesty programmes. */
    public Money penaltiesWrittenOff() {
        return penaltiesWrittenOff.values().stream().reduce(Money.ZERO, Money::plus);
    }

    public Optional<Money> writtenOffBy(ru.utility.ledger.core.api.ProgramId programId) {
        return Optional.ofNullable(penaltiesWrittenOff.get(programId.value()));
    }

    /**
     * What the accrued penalties must become when {@code owed} is owed: {@code owed}, but never less than what
     * was written off plus what is paid (as far as it is still owed). So written-off kopecks are never posted
     * again, a retroactive reduction lowers the unpaid penalty first, is then absorbed by the write-off (nothing
     * forgiven is given back), and only a reduction below what was paid frees paid penalty as credit.
     * Without write-offs this is {@code owed}.
     */
    public Money penaltyToAccrue(Money owed) {
        Money writtenOff = penaltiesWrittenOff();
        if (writtenOff.isZero()) {
            return owed;
        }
        Money paid = allocatedTo(DebtKind.PENALTY, null);
        Money paidStillOwed = paid.minus(owed).isPositive() ? owed : paid;
        Money floor = writtenOff.plus(paidStillOwed);
        return floor.minus(owed).isPositive() ? floor : owed;
    }

    /** What the payment still holds as credit; zero for a reversed payment. */
    public Money unallocated(PaymentId paymentId) {
        return payment(paymentId)
                .filter(p -> !p.reversed())
                .map(p -> p.amount().minus(allocationsOf(paymentId).stream().map(AllocationEntry::amount)
                        .reduce(Money.ZERO, Money::plus)))
                .orElse(Money.ZERO);
    }

    public Money credit() {
        return payments.stream().map(p -> unallocated(p.paymentId())).reduce(Money.ZERO, Money::plus);
    }

    /** Charges and penalties with something unpaid, charges in the order they were posted. */
    public List<OpenDebt> openDebts() {
        List<OpenDebt> open = new ArrayList<>();
        for (ChargeDebt charge : charges) {
            Money outstanding = outstanding(charge.chargeId());
            if (outstanding.isPositive()) {
                open.add(OpenDebt.principal(charge.chargeId(), charge.billingPeriod(), dueDate(charge), outstanding));
            }
        }
        for (InstallmentBook.Scheduled s : installments.installments()) {
            ChargeId installmentId = s.installment().installmentId();
            Money outstanding = outstanding(installmentId);
            if (outstanding.isPositive()) {
                open.add(OpenDebt.principal(installmentId, ru.utility.ledger.core.api.BillingPeriod.of(s.installment().dueDate()),
                        s.dueDate(), outstanding));
            }
        }
        Money penalties = penaltiesOutstanding();
        if (penalties.isPositive()) {
            open.add(OpenDebt.penalties(penalties));
        }
        return open;
    }

    /** Each charge with the parts of it paid and the day each part was paid, for the penalty calculator. */
    public List<PenaltyDebt> penaltyTimeline() {
        List<PenaltyDebt> timeline = new ArrayList<>();
        for (ChargeDebt c : charges) {
            List<DebtPart> parts = new ArrayList<>();
            allocationsTo(c.chargeId()).forEach(a -> parts.add(new DebtPart(a.amount(), a.paidOn())));
            // What a plan took over counts as paid on the agreement: the charge's penalty stops there.
            for (PlanEntry plan : installments.plans()) {
                plan.agreed().charges().stream().filter(r -> r.chargeId().equals(c.chargeId()))
                        .forEach(r -> parts.add(new DebtPart(r.amount(), plan.agreed().agreedOn())));
            }
            timeline.add(new PenaltyDebt(c.chargeId(), c.billingPeriod(), c.amount(), c.dueDate(), parts,
                    deferrals.shiftsFor(c.chargeId())));
        }
        // Installments accrue like charges from their due date; a default brings the rest's due date forward.
        for (InstallmentBook.Scheduled s : installments.installments()) {
            var installment = s.installment();
            List<ru.utility.ledger.core.api.penalty.DueDateShift> shifts = s.dueDate().equals(installment.dueDate())
                    ? List.of() : List.of(new ru.utility.ledger.core.api.penalty.DueDateShift(s.dueDate(), s.dueDate(),
                    "default of installment plan " + s.plan().agreed().planId().value()));
            timeline.add(new PenaltyDebt(installment.installmentId(),
                    ru.utility.ledger.core.api.BillingPeriod.of(installment.dueDate()), installment.amount(),
                    installment.dueDate(), allocationsTo(installment.installmentId()).stream()
                    .map(a -> new DebtPart(a.amount(), a.paidOn())).toList(), shifts));
        }
        return timeline;
    }

    /** A correction recorded under the id, if any. */
    public Optional<ru.utility.ledger.core.api.account.ChargeCorrected> correction(
            ru.utility.ledger.core.api.CorrectionId correctionId) {
        return Optional.ofNullable(corrections.get(correctionId.value()));
    }

    /** The account's installment plans. */
    public InstallmentBook installments() {
        return installments;
    }

    /** The account's deferrals, granted and ended. */
    public DeferralBook deferrals() {
        return deferrals;
    }

    /** The due date in force for the charge: the billed one, or the end of the last deferral covering it. */
    public LocalDate dueDate(ChargeDebt charge) {
        var shifts = deferrals.shiftsFor(charge.chargeId());
        return shifts.isEmpty() ? charge.dueDate() : shifts.getLast().dueDate();
    }

    private List<PaymentCredit> creditsOldestFirst() {
        // Stable sort: payments with the same value date keep the order they were recorded in.
        return payments.stream()
                .filter(p -> unallocated(p.paymentId()).isPositive())
                .sorted(Comparator.comparing(PaymentCredit::receivedOn))
                .toList();
    }

    private Money allocatedTo(DebtKind kind, ChargeId chargeId) {
        return allocations.stream()
                .filter(a -> a.kind() == kind && (chargeId == null || chargeId.equals(a.chargeId())))
                .map(AllocationEntry::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    private void release(PaymentId paymentId, Allocation slice) {
        long left = slice.amount().kopecks();
        for (int i = allocations.size() - 1; i >= 0 && left > 0; i--) {
            AllocationEntry entry = allocations.get(i);
            if (entry.paymentId().equals(paymentId) && entry.kind() == slice.kind()
                    && java.util.Objects.equals(entry.chargeId(), slice.chargeId())) {
                long take = Math.min(left, entry.amount().kopecks());
                left -= take;
                if (take == entry.amount().kopecks()) {
                    allocations.remove(i);
                } else {
                    allocations.set(i, new AllocationEntry(entry.paymentId(), entry.paidOn(), entry.source(),
                            entry.kind(), entry.chargeId(), entry.amount().minus(Money.ofKopecks(take))));
                }
            }
        }
        if (left > 0) {
            throw new IllegalStateException("released " + slice + " of payment " + paymentId + " beyond its allocation");
        }
    }

    private static List<OpenDebt> reduce(List<OpenDebt> open, List<Allocation> slices) {
        Map<Object, Long> taken = new HashMap<>();
        for (Allocation slice : slices) {
            taken.merge(slice.kind() == DebtKind.PENALTY ? DebtKind.PENALTY : slice.chargeId(), slice.amount().kopecks(), Long::sum);
        }
        return open.stream().map(d -> {
            Long take = taken.get(d.kind() == DebtKind.PENALTY ? DebtKind.PENALTY : d.chargeId());
            return take == null ? d : new OpenDebt(d.kind(), d.chargeId(), d.period(), d.dueDate(),
                    d.outstanding().minus(Money.ofKopecks(take)));
        }).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScanningDebtLedger that
                && charges.equals(that.charges) && payments.equals(that.payments)
                && allocations.equals(that.allocations) && penaltiesAccrued.equals(that.penaltiesAccrued)
                && java.util.Objects.equals(penaltiesAccruedAsOf, that.penaltiesAccruedAsOf)
                && penaltiesWrittenOff.equals(that.penaltiesWrittenOff)
                && deferrals.equals(that.deferrals) && installments.equals(that.installments)
                && corrections.equals(that.corrections);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(charges, payments, allocations, penaltiesAccrued, penaltiesAccruedAsOf, deferrals, installments);
    }

    @Override
    public String toString() {
        return "DebtLedger[charges=" + charges + ", payments=" + payments + ", allocations=" + allocations
                + ", penaltiesAccrued=" + penaltiesAccrued + " as of " + penaltiesAccruedAsOf + ", deferrals=" + deferrals + ", installments=" + installments + ", corrections=" + corrections + "]";
    }
}

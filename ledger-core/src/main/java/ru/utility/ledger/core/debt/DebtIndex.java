package ru.utility.ledger.core.debt;

import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.debt.AllocationEntry;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.api.debt.PaymentCredit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link DebtLedger} looks up on every decision, kept by id instead of found by scanning its lists:
 * charges and payments by id, the current allocation slices by charge and by payment, and the running
 * totals allocated per charge, per payment and per kind. Derived state only: built from the ledger's lists
 * and then advanced event by event ({@link #follow}); a released allocation (reversals, penalty corrections,
 * both rare) makes the ledger drop it and build it again, since a release reduces or removes slices
 * anywhere in the history.
 */
final class DebtIndex {

    private final Map<ChargeId, ChargeDebt> charges = new HashMap<>();
    /** The position of each payment id's first entry in the ledger's payment list (reversal replaces in place). */
    private final Map<PaymentId, Integer> paymentPositions = new HashMap<>();
    private final Map<ChargeId, List<AllocationEntry>> allocationsByCharge = new HashMap<>();
    private final Map<PaymentId, List<AllocationEntry>> allocationsByPayment = new HashMap<>();
    private final List<AllocationEntry> penaltyAllocations = new ArrayList<>();
    private final Map<ChargeId, Money> principalByCharge = new HashMap<>();
    private final Map<PaymentId, Money> allocatedByPayment = new HashMap<>();
    private final Map<DebtKind, Money> allocatedByKind = new EnumMap<>(DebtKind.class);

    static DebtIndex of(List<ChargeDebt> charges, List<PaymentCredit> payments, List<AllocationEntry> allocations) {
        DebtIndex index = new DebtIndex();
        charges.forEach(index::addCharge);
        for (int i = 0; i < payments.size(); i++) {
            index.paymentPositions.putIfAbsent(payments.get(i).paymentId(), i);
        }
        allocations.forEach(index::addAllocation);
        return index;
    }

    /**
     * Advances the index by an event the ledger has just applied to its lists.
     *
     * @return false if the index can no longer follow (the ledger then drops it)
     */
    boolean follow(AccountEvent event, List<ChargeDebt> ledgerCharges, List<PaymentCredit> ledgerPayments) {
        switch (event) {
            case ChargePosted e -> addCharge(ledgerCharges.getLast());
            case PaymentRecorded e -> addPayment(ledgerPayments);
            case CompensationCredited e -> addPayment(ledgerPayments);
            case DiscountCredited e -> addPayment(ledgerPayments);
            case PaymentAllocated e -> e.allocations().forEach(a -> addAllocation(new AllocationEntry(
                    e.paymentId(), e.paidOn(), e.source(), a.kind(), a.chargeId(), a.amount())));
            case PaymentAllocationReleased e -> {
                return false;
            }
            // The charge is replaced in the ledger's list: rebuild rather than hold the old one.
            case ru.utility.ledger.core.api.account.DueDateCorrected e -> {
                return false;
            }
            // A decrease replaces the charge, an increase adds a debt: rare enough to rebuild.
            case ru.utility.ledger.core.api.account.ChargeCorrected e -> {
                return false;
            }
            default -> {
                // Reversals replace a payment in place; the rest changes nothing indexed here.
            }
        }
        return true;
    }

    private void addCharge(ChargeDebt charge) {
        charges.putIfAbsent(charge.chargeId(), charge);
    }

    private void addPayment(List<PaymentCredit> ledgerPayments) {
        int position = ledgerPayments.size() - 1;
        paymentPositions.putIfAbsent(ledgerPayments.get(position).paymentId(), position);
    }

    private void addAllocation(AllocationEntry entry) {
        if (entry.chargeId() != null) {
            allocationsByCharge.computeIfAbsent(entry.chargeId(), id -> new ArrayList<>()).add(entry);
            if (entry.kind() == DebtKind.PRINCIPAL) {
                principalByCharge.merge(entry.chargeId(), entry.amount(), Money::plus);
            }
        }
        allocationsByPayment.computeIfAbsent(entry.paymentId(), id -> new ArrayList<>()).add(entry);
        allocatedByPayment.merge(entry.paymentId(), entry.amount(), Money::plus);
        allocatedByKind.merge(entry.kind(), entry.amount(), Money::plus);
        if (entry.kind() == DebtKind.PENALTY) {
            penaltyAllocations.add(entry);
        }
    }

    ChargeDebt charge(ChargeId chargeId) {
        return charges.get(chargeId);
    }

    PaymentCredit payment(PaymentId paymentId, List<PaymentCredit> ledgerPayments) {
        Integer position = paymentPositions.get(paymentId);
        return position == null ? null : ledgerPayments.get(position);
    }

    List<AllocationEntry> allocationsTo(ChargeId chargeId) {
        return List.copyOf(allocationsByCharge.getOrDefault(chargeId, List.of()));
    }

    List<AllocationEntry> allocationsOf(PaymentId paymentId) {
        return List.copyOf(allocationsByPayment.getOrDefault(paymentId, List.of()));
    }

    List<AllocationEntry> penaltyAllocations() {
        return List.copyOf(penaltyAllocations);
    }

    Money allocatedOf(PaymentId paymentId) {
        return allocatedByPayment.getOrDefault(paymentId, Money.ZERO);
    }

    /** What settles debts of the kind: of the one charge, or of all debts of the kind when chargeId is null. */
    Money allocatedTo(DebtKind kind, ChargeId chargeId) {
        if (chargeId == null) {
            return allocatedByKind.getOrDefault(kind, Money.ZERO);
        }
        if (kind == DebtKind.PRINCIPAL) {
            return principalByCharge.getOrDefault(chargeId, Money.ZERO);
        }
        return allocationsByCharge.getOrDefault(chargeId, List.of()).stream().filter(a -> a.kind() == kind)
                .map(AllocationEntry::amount).reduce(Money.ZERO, Money::plus);
    }
}

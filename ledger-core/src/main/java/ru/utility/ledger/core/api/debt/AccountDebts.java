package ru.utility.ledger.core.api.debt;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;

/**
 * An account's debts as its own events decided them: charges, payments, the allocations recorded between
 * them, plans and deferrals. Read-only; the core folds it with the same code the aggregate decides with, so
 * what a reader shows is what the account decided.
 */
public interface AccountDebts {

    List<ChargeDebt> charges();

    List<PaymentCredit> payments();

    Optional<ChargeDebt> charge(ChargeId chargeId);

    Optional<PaymentCredit> payment(PaymentId paymentId);

    /** The slices that currently settle the charge, in the order they were made. */
    List<AllocationEntry> allocationsTo(ChargeId chargeId);

    /** The slices of the payment that currently settle debts, in the order they were made. */
    List<AllocationEntry> allocationsOf(PaymentId paymentId);

    /** What is unpaid of a charge (less what an installment plan took over) or of an installment. */
    Money outstanding(ChargeId chargeId);

    /** What the payment still holds as credit; zero for a reversed payment. */
    Money unallocated(PaymentId paymentId);

    /** What all payments still hold as credit. */
    Money credit();

    /** Charges and penalties with something unpaid, charges in the order they were posted. */
    List<OpenDebt> openDebts();

    /** The due date in force for the charge: the billed one, or the end of the last deferral covering it. */
    LocalDate dueDate(ChargeDebt charge);

    Money penaltiesAccrued();

    /** The date of the last penalty accrual, or null if none was posted. */
    LocalDate penaltiesAccruedAsOf();

    Money penaltiesOutstanding();

    /** All penalties written off by amnesty programmes. */
    Money penaltiesWrittenOff();

    /** What an accrual would post when {@code owed} is the penalty owed, given the write-offs recorded. */
    Money penaltyToAccrue(Money owed);

    /** Each charge with the parts of it paid and the day each part was paid: what a penalty is computed on. */
    List<PenaltyDebt> penaltyTimeline();

    InstallmentPlans installments();

    Deferrals deferrals();
}

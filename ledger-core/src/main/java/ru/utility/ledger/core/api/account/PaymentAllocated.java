package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;
import java.util.List;

/**
 * Part of a payment settled debts. Follows the PaymentRecorded (source RECEIPT), or a later charge,
 * penalty or reversal that let the payment's unallocated credit settle debt (source CREDIT).
 *
 * @param paidOn the payment's value date: the day the settled debt counts as paid for penalties
 */
@Revision("1")
public record PaymentAllocated(AccountId accountId, PaymentId paymentId, LocalDate paidOn, AllocationSource source,
                               List<Allocation> allocations) implements AccountEvent {

    public PaymentAllocated {
        allocations = List.copyOf(allocations);
    }
}

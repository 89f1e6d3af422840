package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.PaymentId;

import java.util.List;

/**
 * Slices of a payment's allocation were undone: the whole of it when the payment was reversed, or the
 * part of a penalty allocation that a downward penalty correction left without debt (that money becomes
 * credit again). The debts named are unpaid again by these amounts.
 */
@Revision("1")
public record PaymentAllocationReleased(AccountId accountId, PaymentId paymentId, List<Allocation> allocations)
        implements AccountEvent {

    public PaymentAllocationReleased {
        allocations = List.copyOf(allocations);
    }
}

package ru.utility.ledger.projections.overdue;

import ru.utility.ledger.core.api.Money;

/**
 * @param amount   unpaid principal, over all listed accounts, of the charges that are this old
 * @param accounts listed accounts whose oldest overdue charge is this old
 */
public record BucketTotal(AgingBucket bucket, Money amount, long accounts) {
}

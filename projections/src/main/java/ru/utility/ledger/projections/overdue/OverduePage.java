package ru.utility.ledger.projections.overdue;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.Money;

/**
 * A page of the overdue list with the totals of everything the filter matches (not only this page).
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 * @param totalTimeBarred the part of {@code totalAmount} more than three years past due
 */
public record OverduePage(LocalDate asOf, List<OverdueAccount> accounts, String nextCursor, Money totalAmount,
                          long totalAccounts, List<BucketTotal> buckets, Money totalTimeBarred) {

    public OverduePage {
        accounts = List.copyOf(accounts);
        buckets = List.copyOf(buckets);
    }
}

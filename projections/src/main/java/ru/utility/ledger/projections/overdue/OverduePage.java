package ru.utility.ledger.projections.overdue;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.Money;

/**
 * A page of the overdue list with the totals of everything the filter matches (not only this page).
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record OverduePage(LocalDate asOf, List<OverdueAccount> accounts, String nextCursor, Money totalAmount,
                          long totalAccounts, List<BucketTotal> buckets) {

    public OverduePage {
        accounts = List.copyOf(accounts);
        buckets = List.copyOf(buckets);
    }
}

package ru.utility.ledger.projections.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.RegionCode;

/**
 * A page of the turnover balance sheet for {@code from..to} (business dates, inclusive), as the ledger knew it at
 * {@code knownAt} (null: everything recorded). {@code regions} and {@code total} cover every account the filter
 * matches, not only the page; {@code nextCursor} is null on the last page.
 */
public record TurnoverSheet(LocalDate from, LocalDate to, Instant knownAt, RegionCode region, List<AccountRow> accounts,
                            String nextCursor, List<RegionRow> regions, TurnoverLine total) {

    public TurnoverSheet {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
    }

    public record AccountRow(AccountId accountId, String holderName, RegionCode regionCode, TurnoverLine line) {
    }

    public record RegionRow(RegionCode regionCode, long accounts, TurnoverLine line) {
    }
}

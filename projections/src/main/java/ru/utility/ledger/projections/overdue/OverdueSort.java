package ru.utility.ledger.projections.overdue;

/** Orders of the overdue list; the account id breaks ties, so keyset paging is exact. */
public enum OverdueSort {
    DAYS_OVERDUE("days_overdue"),
    AMOUNT("overdue_kopecks"),
    ACCOUNT_ID("account_id");

    private final String column;

    OverdueSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}

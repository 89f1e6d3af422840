package ru.utility.ledger.api.report;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.projections.statement.MovementKind;

/** Response bodies of the reconciliation endpoints ({@link ReconciliationController}). */
public final class ReconciliationResponses {

    private ReconciliationResponses() {
    }

    /**
     * @param openingDebit  the debt at the start (zero when the account was in credit)
     * @param openingCredit the credit at the start (zero when the account owed)
     * @param balance       closing balance: positive is owed by the customer, negative is the customer's credit
     */
    public record Reconciliation(AccountId accountId, String holderName, LocalDate from, LocalDate to,
                                 Money openingBalance, Money openingDebit, Money openingCredit, List<Document> documents,
                                 Money totalDebit, Money totalCredit, Money closingBalance, Money closingDebit,
                                 Money closingCredit) {
    }

    /** @param balance the balance after this document */
    public record Document(LocalDate date, MovementKind kind, String document, String reference, String description,
                           Money debit, Money credit, Money balance) {
    }
}

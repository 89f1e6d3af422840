package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;

import java.util.List;

/** The corrections a run recorded on one account (empty when every due date was already right). */
public record DueDateCorrectionReceipt(AccountId accountId, List<DueDateCorrected> corrected) {

    public DueDateCorrectionReceipt {
        corrected = List.copyOf(corrected);
    }
}

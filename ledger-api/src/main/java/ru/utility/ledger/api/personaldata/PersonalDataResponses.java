package ru.utility.ledger.api.personaldata;

import java.time.LocalDate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.account.ErasureReceipt;

/** Response bodies of the personal data endpoints ({@link PersonalDataController}). */
public final class PersonalDataResponses {

    private PersonalDataResponses() {
    }

    public record ErasureResponse(AccountId accountId, LocalDate erasedOn, String reason) {

        static ErasureResponse of(ErasureReceipt receipt) {
            return new ErasureResponse(receipt.accountId(), receipt.erasedOn(), receipt.reason());
        }
    }
}

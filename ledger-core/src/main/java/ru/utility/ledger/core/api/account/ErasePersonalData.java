package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/**
 * Erases the holder's personal data (right to erasure; 152-FZ art. 21): after it the account's data key is
 * deleted and every reader shows the sealed values as erased. Money, dates and ids stay.
 *
 * @param reason the legal ground (request number, law); must not itself hold personal data
 */
public record ErasePersonalData(@TargetAggregateIdentifier AccountId accountId, LocalDate erasedOn, String reason)
        implements AccountCommand {

    public static final int REASON_MAX = 500;

    public ErasePersonalData {
        Fields.required(accountId, "accountId");
        Fields.required(erasedOn, "erasedOn");
        reason = Fields.text(reason, "reason", REASON_MAX);
    }
}

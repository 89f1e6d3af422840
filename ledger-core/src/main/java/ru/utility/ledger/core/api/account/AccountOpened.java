package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.RegionCode;

import java.time.LocalDate;

/**
 * @param holderName personal data: stored sealed with the account's data key from revision 2 on
 *                   (docs/operating/data-protection.md); a reader gets {@code [erased]} once the data has been erased
 */
@Revision("2")
public record AccountOpened(AccountId accountId, String holderName, RegionCode regionCode, LocalDate openedOn)
        implements AccountEvent {
}

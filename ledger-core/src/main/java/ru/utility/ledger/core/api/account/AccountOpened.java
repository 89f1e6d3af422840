package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.RegionCode;

import java.time.LocalDate;

@Revision("1")
public record AccountOpened(AccountId accountId, String holderName, RegionCode regionCode, LocalDate openedOn)
        implements AccountEvent {
}

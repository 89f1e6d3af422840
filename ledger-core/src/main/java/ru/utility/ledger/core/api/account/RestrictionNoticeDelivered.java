package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.NoticeChannel;

import java.time.LocalDate;

/**
 * A restriction notice reached the holder: the 20 days before supply may be restricted count from
 * {@code deliveredOn} (Decree 354 p.119). Moves no money.
 */
@Revision("1")
public record RestrictionNoticeDelivered(AccountId accountId, String noticeId, LocalDate deliveredOn,
                                         NoticeChannel channel) implements AccountEvent {
}

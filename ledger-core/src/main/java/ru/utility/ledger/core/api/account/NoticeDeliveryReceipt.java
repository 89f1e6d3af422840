package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.NoticeChannel;

import java.time.LocalDate;

/** @param duplicate true when the delivery was already recorded and nothing new was recorded */
public record NoticeDeliveryReceipt(AccountId accountId, String noticeId, LocalDate sentOn, LocalDate deliveredOn,
                                    NoticeChannel channel, boolean duplicate) {
}

package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/** @param duplicate true when the notice was already recorded and nothing new was recorded */
public record NoticeReceipt(AccountId accountId, String noticeId, LocalDate sentOn, boolean duplicate) {
}

package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/**
 * Records that the holder was notified that supply may be restricted for debt (Decree 354 p.119): the
 * 20 days before a restriction count from {@code sentOn}. {@code noticeId} identifies the notice, so a
 * retried request records it once.
 */
public record RecordRestrictionNotice(@TargetAggregateIdentifier AccountId accountId, String noticeId,
                                      LocalDate sentOn) implements AccountCommand {

    public static final int NOTICE_ID_MAX = 64;

    public RecordRestrictionNotice {
        Fields.required(accountId, "accountId");
        noticeId = Fields.text(noticeId, "noticeId", NOTICE_ID_MAX);
        Fields.required(sentOn, "sentOn");
    }
}

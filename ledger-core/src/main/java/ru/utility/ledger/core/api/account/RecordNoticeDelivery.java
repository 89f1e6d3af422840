package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.NoticeChannel;

import java.time.LocalDate;

/**
 * Records that a restriction notice reached the holder on {@code deliveredOn} by {@code channel}: supply may be
 * restricted from the 21st day after (Decree 354 p.119). One delivery per notice; a retry records it once.
 */
public record RecordNoticeDelivery(@TargetAggregateIdentifier AccountId accountId, String noticeId,
                                   LocalDate deliveredOn, NoticeChannel channel) implements AccountCommand {

    public RecordNoticeDelivery {
        Fields.required(accountId, "accountId");
        noticeId = Fields.text(noticeId, "noticeId", RecordRestrictionNotice.NOTICE_ID_MAX);
        Fields.required(deliveredOn, "deliveredOn");
        Fields.required(channel, "channel");
    }
}

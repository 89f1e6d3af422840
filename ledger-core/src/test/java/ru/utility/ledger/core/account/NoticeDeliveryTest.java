package ru.utility.ledger.core.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.NoticeChannel;
import ru.utility.ledger.core.api.account.NoticeDeliveryReceipt;
import ru.utility.ledger.core.api.account.RecordNoticeDelivery;
import ru.utility.ledger.core.api.account.RestrictionNoticeDelivered;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.NOT_FOUND;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

/** A restriction notice's delivery: every path of RecordNoticeDelivery. */
class NoticeDeliveryTest {

    static final LocalDate SENT = LocalDate.of(2026, 11, 5);
    static final LocalDate DELIVERED = LocalDate.of(2026, 11, 9);
    static final RestrictionNoticeSent NOTICE = new RestrictionNoticeSent(ACCOUNT, "N-1", SENT);
    static final RestrictionNoticeDelivered DELIVERY = new RestrictionNoticeDelivered(ACCOUNT, "N-1", DELIVERED,
            NoticeChannel.REGISTERED_MAIL);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void recordsTheDeliveryWithItsDayAndChannel() {
        fixture.given(opened(), NOTICE)
                .when(new RecordNoticeDelivery(ACCOUNT, " N-1 ", DELIVERED, NoticeChannel.REGISTERED_MAIL))
                .expectEvents(DELIVERY)
                .expectResultMessagePayload(new NoticeDeliveryReceipt(ACCOUNT, "N-1", SENT, DELIVERED,
                        NoticeChannel.REGISTERED_MAIL, false));
    }

    @Test
    void theSameDeliveryAgainRecordsNothingAndAnotherIsAConflict() {
        fixture.given(opened(), NOTICE, DELIVERY)
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", DELIVERED, NoticeChannel.REGISTERED_MAIL))
                .expectNoEvents()
                .expectResultMessagePayload(new NoticeDeliveryReceipt(ACCOUNT, "N-1", SENT, DELIVERED,
                        NoticeChannel.REGISTERED_MAIL, true));
        fixture.given(opened(), NOTICE, DELIVERY)
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", DELIVERED, NoticeChannel.IN_PERSON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "noticeId"));
        fixture.given(opened(), NOTICE, DELIVERY)
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", DELIVERED.plusDays(1), NoticeChannel.REGISTERED_MAIL))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "noticeId"));
    }

    @Test
    void anUnknownNoticeIsNotFound() {
        fixture.given(opened(), NOTICE)
                .when(new RecordNoticeDelivery(ACCOUNT, "N-2", DELIVERED, NoticeChannel.IN_PERSON))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "UNKNOWN_NOTICE", "noticeId"));
    }

    @Test
    void aDeliveryBeforeTheNoticeOrInTheFutureIsRejected() {
        fixture.given(opened(), NOTICE)
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", SENT.minusDays(1), NoticeChannel.IN_PERSON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DELIVERY_BEFORE_NOTICE", "deliveredOn"));
        fixture.given(opened(), NOTICE)
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", TOMORROW, NoticeChannel.IN_PERSON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "deliveredOn"));
        fixture.given(opened(), NOTICE)
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", SENT, NoticeChannel.PAYMENT_DOCUMENT))
                .expectEvents(new RestrictionNoticeDelivered(ACCOUNT, "N-1", SENT, NoticeChannel.PAYMENT_DOCUMENT));
    }

    @Test
    void aClosedOrUnknownAccountTakesNoDelivery() {
        fixture.given(opened(), NOTICE, closed())
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", DELIVERED, NoticeChannel.IN_PERSON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
        fixture.givenNoPriorActivity()
                .when(new RecordNoticeDelivery(ACCOUNT, "N-1", DELIVERED, NoticeChannel.IN_PERSON))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void theCommandChecksItsFields() {
        assertThatThrownBy(() -> new RecordNoticeDelivery(ACCOUNT, " ", DELIVERED, NoticeChannel.IN_PERSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noticeId");
        assertThatThrownBy(() -> new RecordNoticeDelivery(ACCOUNT, "N-1", null, NoticeChannel.IN_PERSON))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("deliveredOn");
        assertThatThrownBy(() -> new RecordNoticeDelivery(ACCOUNT, "N-1", DELIVERED, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("channel");
    }
}

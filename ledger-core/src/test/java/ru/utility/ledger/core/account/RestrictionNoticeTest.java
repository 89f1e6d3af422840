package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.account.NoticeReceipt;
import ru.utility.ledger.core.api.account.RecordRestrictionNotice;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OPENED_ON;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class RestrictionNoticeTest {

    static final LocalDate SENT = LocalDate.of(2026, 11, 5);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void recordsANoticeWithItsDate() {
        fixture.given(opened(), octoberCharged())
                .when(new RecordRestrictionNotice(ACCOUNT, " N-1 ", SENT))
                .expectEvents(new RestrictionNoticeSent(ACCOUNT, "N-1", SENT))
                .expectResultMessagePayload(new NoticeReceipt(ACCOUNT, "N-1", SENT, false));
    }

    @Test
    void theSameNoticeAgainRecordsNothingAndAnotherDateIsAConflict() {
        fixture.given(opened(), new RestrictionNoticeSent(ACCOUNT, "N-1", SENT))
                .when(new RecordRestrictionNotice(ACCOUNT, "N-1", SENT))
                .expectNoEvents()
                .expectResultMessagePayload(new NoticeReceipt(ACCOUNT, "N-1", SENT, true));
        fixture.given(opened(), new RestrictionNoticeSent(ACCOUNT, "N-1", SENT))
                .when(new RecordRestrictionNotice(ACCOUNT, "N-1", SENT.plusDays(1)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "noticeId"));
        fixture.given(opened(), new RestrictionNoticeSent(ACCOUNT, "N-1", SENT))
                .when(new RecordRestrictionNotice(ACCOUNT, "N-2", SENT.plusDays(1)))
                .expectEvents(new RestrictionNoticeSent(ACCOUNT, "N-2", SENT.plusDays(1)));
    }

    @Test
    void aNoticeInTheFutureOrBeforeOpeningIsRejected() {
        fixture.given(opened())
                .when(new RecordRestrictionNotice(ACCOUNT, "N-1", TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "sentOn"));
        fixture.given(opened())
                .when(new RecordRestrictionNotice(ACCOUNT, "N-1", OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "BEFORE_OPENING", "sentOn"));
        fixture.given(opened())
                .when(new RecordRestrictionNotice(ACCOUNT, "N-1", TODAY))
                .expectEvents(new RestrictionNoticeSent(ACCOUNT, "N-1", TODAY));
    }

    @Test
    void aClosedOrUnknownAccountGetsNoNotice() {
        fixture.given(opened(), closed())
                .when(new RecordRestrictionNotice(ACCOUNT, "N-1", SENT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
        fixture.givenNoPriorActivity()
                .when(new RecordRestrictionNotice(ACCOUNT, "N-1", SENT))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void theCommandRejectsABlankOrMissingNoticeId() {
        assertThatThrownBy(() -> new RecordRestrictionNotice(ACCOUNT, " ", SENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noticeId");
        assertThatThrownBy(() -> new RecordRestrictionNotice(ACCOUNT, "N-1", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sentOn");
    }
}

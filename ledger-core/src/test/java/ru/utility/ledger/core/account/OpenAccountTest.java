package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.OpenAccount;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.HOLDER;
import static ru.utility.ledger.core.account.AccountFixtures.OPENED_ON;
import static ru.utility.ledger.core.account.AccountFixtures.REGION;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class OpenAccountTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void opensANewAccount() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ACCOUNT, "  " + HOLDER + " ", REGION, OPENED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void mayBeOpenedToday() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ACCOUNT, HOLDER, REGION, TODAY))
                .expectEvents(new AccountOpened(ACCOUNT, HOLDER, REGION, TODAY));
    }

    @Test
    void todayIsTheMoscowDate() {
        // 21:30 UTC on the 19th is already the 20th in Moscow.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-19T21:30:00Z"), ZoneOffset.UTC);

        AccountFixtures.newFixture(lateEvening).givenNoPriorActivity()
                .when(new OpenAccount(ACCOUNT, HOLDER, REGION, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAnOpeningDateInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ACCOUNT, HOLDER, REGION, TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "openedOn"));
    }

    @Test
    void rejectsOpeningAnExistingAccount() {
        fixture.given(opened())
                .when(new OpenAccount(ACCOUNT, HOLDER, REGION, OPENED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_EXISTS", "accountId"));
    }

    @Test
    void aClosedAccountCannotBeReopened() {
        fixture.given(opened(), closed())
                .when(new OpenAccount(ACCOUNT, HOLDER, REGION, TODAY))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_EXISTS", "accountId"));
    }
}

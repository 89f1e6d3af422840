package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.CloseAccount;
import ru.utility.ledger.core.api.account.PaymentRecorded;

import static org.hamcrest.Matchers.allOf;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OPENED_ON;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.paymentReversed;
import static ru.utility.ledger.core.account.AccountFixtures.reasonContaining;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class CloseAccountTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void closesAnAccountWithNothingOnIt() {
        fixture.given(opened())
                .when(new CloseAccount(ACCOUNT, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountClosed(ACCOUNT, TODAY));
    }

    @Test
    void closesASettledAccount() {
        fixture.given(opened(), octoberCharged(), octoberPaid())
                .when(new CloseAccount(ACCOUNT, TODAY))
                .expectEvents(new AccountClosed(ACCOUNT, TODAY));
    }

    @Test
    void aDebtPreventsClosing() {
        fixture.given(opened(), octoberCharged())
                .when(new CloseAccount(ACCOUNT, TODAY))
                .expectNoEvents()
                .expectException(allOf(violation(CONFLICT, "BALANCE_NOT_ZERO", null), reasonContaining("1234.50")));
    }

    @Test
    void aReversedPaymentLeavesTheDebtOpen() {
        fixture.given(opened(), octoberCharged(), octoberPaid(), paymentReversed())
                .when(new CloseAccount(ACCOUNT, TODAY))
                .expectNoEvents()
                .expectException(allOf(violation(CONFLICT, "BALANCE_NOT_ZERO", null), reasonContaining("1234.50")));
    }

    @Test
    void aCreditPreventsClosing() {
        PaymentRecorded overpayment = new PaymentRecorded(ACCOUNT, PaymentId.of("WEB-1"), Money.parse("10.00"),
                PaymentChannel.WEB_CABINET, TODAY, null);

        fixture.given(opened(), overpayment)
                .when(new CloseAccount(ACCOUNT, TODAY))
                .expectNoEvents()
                .expectException(allOf(violation(CONFLICT, "BALANCE_NOT_ZERO", null), reasonContaining("-10.00")));
    }

    @Test
    void aClosedAccountCannotBeClosedAgain() {
        fixture.given(opened(), closed())
                .when(new CloseAccount(ACCOUNT, TODAY))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void aClosingDateInTheFutureIsRejected() {
        fixture.given(opened())
                .when(new CloseAccount(ACCOUNT, TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "closedOn"));
    }

    @Test
    void aClosingDateBeforeTheOpeningIsRejected() {
        fixture.given(opened())
                .when(new CloseAccount(ACCOUNT, OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "BEFORE_OPENING", "closedOn"));
    }

    @Test
    void anAccountMayBeClosedOnTheDayItWasOpened() {
        fixture.given(opened())
                .when(new CloseAccount(ACCOUNT, OPENED_ON))
                .expectEvents(new AccountClosed(ACCOUNT, OPENED_ON));
    }
}

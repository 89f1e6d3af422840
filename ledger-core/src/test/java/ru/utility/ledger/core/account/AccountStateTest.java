package ru.utility.ledger.core.account;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.AccountEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_ENERGY;
import static ru.utility.ledger.core.account.AccountFixtures.OPENED_ON;
import static ru.utility.ledger.core.account.AccountFixtures.PAYMENT;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.paymentReversed;

class AccountStateTest {

    @Test
    void theInitialStateIsNotOpened() {
        AccountState initial = AccountState.initial();

        assertThat(initial.isOpened()).isFalse();
        assertThat(initial.isClosed()).isFalse();
        assertThat(initial.balance()).isEqualTo(Money.ZERO);
        assertThat(initial.charges()).isEmpty();
    }

    @Test
    void openingSetsTheHolderAndStatus() {
        AccountState state = fold(opened());

        assertThat(state.id()).isEqualTo(ACCOUNT);
        assertThat(state.status()).isEqualTo(AccountStatus.OPEN);
        assertThat(state.openedOn()).isEqualTo(OPENED_ON);
        assertThat(state.isOpened()).isTrue();
    }

    @Test
    void chargesRaiseAndPaymentsLowerTheBalance() {
        assertThat(fold(opened(), octoberCharged()).balance()).isEqualTo(Money.parse("1234.50"));
        assertThat(fold(opened(), octoberCharged(), octoberPaid()).balance()).isEqualTo(Money.ZERO);
        assertThat(fold(opened(), octoberPaid()).balance()).isEqualTo(Money.parse("-1234.50"));
    }

    @Test
    void aReversalRaisesTheBalanceAgainAndMarksThePayment() {
        AccountState state = fold(opened(), octoberCharged(), octoberPaid(), paymentReversed());

        assertThat(state.balance()).isEqualTo(Money.parse("1234.50"));
        PaymentEntry payment = state.payment(PAYMENT).orElseThrow();
        assertThat(payment.isReversed()).isTrue();
        assertThat(payment.reversalReason()).isEqualTo("bank recall");
    }

    @Test
    void remembersChargesForRepeats() {
        AccountState state = fold(opened(), octoberCharged());

        assertThat(state.charge(OCTOBER_ENERGY)).contains(ChargeEntry.of(octoberCharged()));
        assertThat(state.payment(PAYMENT)).isEmpty();
    }

    @Test
    void closingKeepsTheHistory() {
        AccountState state = fold(opened(), octoberCharged(), octoberPaid(), closed());

        assertThat(state.isClosed()).isTrue();
        assertThat(state.closedOn()).isEqualTo(closed().closedOn());
        assertThat(state.charges()).hasSize(1);
        assertThat(state.payments()).hasSize(1);
    }

    @Test
    void theMapsCannotBeChangedFromOutside() {
        AccountState state = fold(opened(), octoberCharged());

        assertThatThrownBy(() -> state.charges().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.payments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapsPassedInAreCopiedSoTheCallersMapIsNeverChanged() {
        Map<ChargeId, ChargeEntry> callers = new HashMap<>();
        AccountState state = new AccountState(null, null, null, null, null, null, Money.ZERO, callers, Map.of(), null, null, null, null, null, null);

        state.evolve(opened()).evolve(octoberCharged());

        assertThat(callers).isEmpty();
    }

    @Test
    void foldingTheSameEventsTwiceGivesEqualStates() {
        List<AccountEvent> events = List.of(opened(), octoberCharged(), octoberPaid(), paymentReversed(), closed());

        assertThat(fold(events.toArray(AccountEvent[]::new))).isEqualTo(fold(events.toArray(AccountEvent[]::new)));
    }

    static AccountState fold(AccountEvent... events) {
        AccountState state = AccountState.initial();
        for (AccountEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }
}

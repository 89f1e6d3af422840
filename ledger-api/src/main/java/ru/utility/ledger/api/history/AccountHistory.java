package ru.utility.ledger.api.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.category.CategoryBook;
import ru.utility.ledger.core.debt.DebtLedger;

/**
 * Reads an account's own stream from the event store and folds it with the same {@link DebtLedger} the
 * aggregate decides with, so allocations and penalty explanations are exactly what the account recorded
 * (strongly consistent, unlike the projections).
 */
@Service
public class AccountHistory {

    private final EventStore eventStore;

    public AccountHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty when the account has no events, i.e. does not exist. */
    public Optional<DebtLedger> debts(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        return events.isEmpty() ? Optional.empty() : Optional.of(DebtLedger.of(events));
    }

    /** The holder's social categories; empty when the account does not exist. */
    public Optional<CategoryBook> categories(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        return events.isEmpty() ? Optional.empty() : Optional.of(CategoryBook.of(events));
    }

    private List<AccountEvent> events(AccountId accountId) {
        List<AccountEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(accountId.value(), 0L);
        stream.forEachRemaining(message -> {
            if (message.getPayload() instanceof AccountEvent event) {
                events.add(event);
            }
        });
        return events;
    }
}

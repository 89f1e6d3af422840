package ru.utility.ledger.api.eventstore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.asof.AccountAsOf;
import ru.utility.ledger.core.asof.RecordedAccountEvent;

/**
 * As-of balances computed from the event store (upcasted and deserialized by Axon, as the aggregate sees
 * them) through the pure {@link AccountAsOf} fold; no projection or snapshot is involved.
 */
@Service
public class AsOfBalances {

    private final EventStore eventStore;

    public AsOfBalances(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty when the store holds no events for the account. */
    public Optional<AccountAsOf.AsOfBalance> balance(AccountId accountId, LocalDate asOf, Instant knownAt) {
        List<RecordedAccountEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(accountId.value(), 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof AccountEvent event) {
                events.add(new RecordedAccountEvent(event, message.getSequenceNumber(), message.getTimestamp()));
            }
        }
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AccountAsOf.balance(accountId, events, asOf, knownAt));
    }
}

package ru.utility.ledger.api.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerViews;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.category.Categories;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.enrolment.AccountEnrolments;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.Programme;

/**
 * Reads an account's own stream from the event store and folds it into the core's read-only views
 * ({@link LedgerViews}: the same folds the aggregate decides with), so allocations and penalty explanations are
 * exactly what the account recorded (strongly consistent, unlike the projections).
 */
@Service
public class AccountHistory {

    private final EventStore eventStore;
    private final LedgerViews views;

    public AccountHistory(EventStore eventStore, LedgerViews views) {
        this.eventStore = eventStore;
        this.views = views;
    }

    /** Empty when the account has no events, i.e. does not exist. */
    public Optional<AccountDebts> debts(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        return events.isEmpty() ? Optional.empty() : Optional.of(views.debts(events));
    }

    /** The holder's social categories; empty when the account does not exist. */
    public Optional<Categories> categories(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        return events.isEmpty() ? Optional.empty() : Optional.of(views.categories(events));
    }

    /** The programmes the account is enrolled in; empty when the account does not exist. */
    public Optional<AccountEnrolments> enrolments(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        return events.isEmpty() ? Optional.empty() : Optional.of(views.enrolments(events));
    }

    /** A relief programme folded from its stream; empty when it was never launched. */
    public Optional<Programme> program(ProgramId programId) {
        List<ProgramEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(programId.toString(), 0L);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ProgramEvent event) {
                events.add(event);
            }
        }
        return views.programme(events);
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

package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.views.CoreLedgerViews;

/**
 * Inside a unit of work the event store also returns the events it has staged, which may never commit: such a
 * read is answered but not kept, so a later as-of does not count a payment that was rolled back.
 */
class AsOfBalancesCommittedOnlyTest {

    private static final AccountId ACCOUNT = AccountId.of("AS-OF-0001");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 10);

    @Test
    void aReadInsideAUnitOfWorkIsNotKept() {
        List<DomainEventMessage<?>> committed = List.of(event(0, new AccountOpened(ACCOUNT, "Holder",
                RegionCode.of("77"), DAY)));
        List<DomainEventMessage<?>> withStaged = new ArrayList<>(committed);
        withStaged.add(event(1, new PaymentRecorded(ACCOUNT, PaymentId.of("STAGED"), Money.parse("10.00"),
                PaymentChannel.MOBILE_APP, DAY, null)));
        EventStore store = mock(EventStore.class);
        AsOfBalances balances = new AsOfBalances(store, new CoreLedgerViews(), 100);

        when(store.readEvents(eq(ACCOUNT.value()), anyLong()))
                .thenAnswer(call -> DomainEventStream.of(withStaged.stream()));
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        try {
            assertThat(balances.balance(ACCOUNT, DAY, null).orElseThrow().balance()).isEqualTo(Money.parse("-10.00"));
        } finally {
            command.rollback();
        }

        when(store.readEvents(eq(ACCOUNT.value()), anyLong()))
                .thenAnswer(call -> DomainEventStream.of(committed.stream()
                        .filter(e -> e.getSequenceNumber() >= call.<Long>getArgument(1))));
        assertThat(balances.balance(ACCOUNT, DAY, null).orElseThrow().balance()).isEqualTo(Money.ZERO);
        verify(store, org.mockito.Mockito.times(2)).readEvents(ACCOUNT.value(), 0L);
    }

    @Test
    void keepsTheEventsOfAtMostCacheAccountsAndReadsOnlyTheTailOfAKeptOne() {
        EventStore store = mock(EventStore.class);
        AsOfBalances balances = new AsOfBalances(store, new CoreLedgerViews(), 3);
        when(store.readEvents(org.mockito.ArgumentMatchers.anyString(), anyLong())).thenAnswer(call -> {
            String account = call.getArgument(0);
            long from = call.getArgument(1);
            return DomainEventStream.of(java.util.stream.Stream.of(event(account, 0, new AccountOpened(
                    AccountId.of(account), "Holder", RegionCode.of("77"), DAY))).filter(e -> e.getSequenceNumber() >= from));
        });
        for (int i = 0; i < 20; i++) {
            assertThat(balances.balance(AccountId.of("AS-OF-1" + String.format("%03d", i)), DAY, null)).isPresent();
        }
        assertThat(balances.cachedAccounts()).as("bounded").isBetween(1L, 3L);

        AsOfBalances kept = new AsOfBalances(store, new CoreLedgerViews(), 3);
        kept.balance(ACCOUNT, DAY, null);
        kept.balance(ACCOUNT, DAY, null);
        verify(store).readEvents(ACCOUNT.value(), 0L);
        verify(store).readEvents(ACCOUNT.value(), 1L);
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return event(ACCOUNT.value(), sequence, payload);
    }

    private static DomainEventMessage<?> event(String account, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Account", account, sequence, payload, java.util.Map.of(),
                "event-" + account + "-" + sequence, Instant.parse("2026-01-10T09:00:00Z"));
    }
}

package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;

/** The in-memory chain heads: only committed hashes are remembered, and the chain stays valid with them. */
@LedgerIntegrationTest
class ChainHeadsTest {

    @LocalServerPort
    int port;
    @Autowired
    ChainHeads chainHeads;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aCommittedAppendIsRememberedAndARolledBackOneIsNot() {
        Api api = new Api(port);
        AccountId account = AccountId.of(Api.newAccountId());
        transactions.executeWithoutResult(tx -> eventStore.publish(opened(account)));
        assertThat(chainHeads.hashOf(account.value(), 0)).isNotNull();

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            eventStore.publish(charge(account, 1, "ROLLED-BACK", "100.00"));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(chainHeads.hashOf(account.value(), 1)).isNull();

        // The same sequence written again with other content: the chain must use the committed predecessor.
        transactions.executeWithoutResult(tx -> eventStore.publish(charge(account, 1, "KEPT", "200.00")));
        assertThat(chainHeads.hashOf(account.value(), 1)).isNotNull();
        assertThat(chainHeads.hashOf(account.value(), 0)).as("only the newest head is kept").isNull();
        assertThat(api.post("/api/v1/accounts/" + account.value() + "/payments", "operator", """
                {"paymentId": "P-1", "amount": "50.00", "channel": "MOBILE_APP", "receivedOn": "2026-11-20"}""")
                .status()).isEqualTo(201);
        assertThat(api.get("/api/v1/accounts/" + account.value() + "/integrity", "auditor").json().get("valid")
                .asBoolean()).isTrue();
    }

    @Test
    void aHeadForAnotherSequenceIsAMissAndAnOlderOneNeverReplacesANewer() {
        ChainHeads heads = new ChainHeads(20);
        heads.committed("A", 5, new byte[] {5});
        heads.committed("A", 4, new byte[] {4});
        assertThat(heads.hashOf("A", 5)).containsExactly(5);
        assertThat(heads.hashOf("A", 4)).isNull();
        for (int i = 0; i < 100; i++) {
            heads.committed("X" + i, 0, new byte[] {0});
        }
        assertThat(heads.size()).as("bounded").isBetween(1L, 20L);
        ChainHeads none = new ChainHeads(0);
        none.committed("A", 0, new byte[] {0});
        assertThat(none.hashOf("A", 0)).as("capacity 0 remembers nothing").isNull();
    }

    private static GenericDomainEventMessage<AccountOpened> opened(AccountId account) {
        return new GenericDomainEventMessage<>("Account", account.value(), 0,
                new AccountOpened(account, "Chain Head", RegionCode.of("77"), LocalDate.of(2026, 1, 1)),
                Map.of("actor", "chain-test"));
    }

    private static GenericDomainEventMessage<ChargePosted> charge(AccountId account, long sequence, String id,
                                                                   String amount) {
        return new GenericDomainEventMessage<>("Account", account.value(), sequence,
                new ChargePosted(account, ChargeId.of(id), BillingPeriod.parse("2026-10"), Money.parse(amount), null,
                        "Charge " + id, LocalDate.of(2026, 11, 16), BillingPeriod.parse("2026-10").next().firstDay()), Map.of("actor", "chain-test"));
    }
}

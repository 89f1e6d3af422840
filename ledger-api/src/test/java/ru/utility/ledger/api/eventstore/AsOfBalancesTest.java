package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.AccountId;

/** The kept event streams: a second as-of sees events recorded after the first one, and only those once. */
@LedgerIntegrationTest
class AsOfBalancesTest {

    @LocalServerPort
    int port;
    @Autowired
    AsOfBalances asOfBalances;

    @Test
    void eventsRecordedAfterAnEarlierAsOfAreCountedByTheNextOne() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "As Of", "regionCode": "77", "openedOn": "2026-01-01"}"""
                .formatted(account)).status()).isEqualTo(201);
        LocalDate asOf = LocalDate.of(2099, 12, 31);
        var first = asOfBalances.balance(AccountId.of(account), asOf, null).orElseThrow();
        assertThat(first.eventsCounted()).isEqualTo(1);
        assertThat(first.balance().toString()).isEqualTo("0.00");

        for (int i = 1; i <= 3; i++) {
            assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                    {"paymentId": "AS-OF-%d", "amount": "10.00", "channel": "MOBILE_APP", "receivedOn": "2026-11-20"}"""
                    .formatted(i)).status()).isEqualTo(201);
            var next = asOfBalances.balance(AccountId.of(account), asOf, null).orElseThrow();
            assertThat(next.eventsCounted()).isEqualTo(1 + i);
            assertThat(next.lastSequence()).isEqualTo(i);
            assertThat(next.balance().toString()).isEqualTo("-" + (10 * i) + ".00");
        }
        // The known-at axis still filters the kept events.
        assertThat(asOfBalances.balance(AccountId.of(account), asOf, Instant.parse("2000-01-01T00:00:00Z"))
                .orElseThrow().eventsCounted()).isZero();
        assertThat(asOfBalances.balance(AccountId.of(Api.newAccountId()), asOf, null)).isEmpty();
    }
}

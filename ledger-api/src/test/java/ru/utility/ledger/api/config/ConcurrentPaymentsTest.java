package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.OpenAccount;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.projections.balance.BalanceQueries;

/** 16 threads x 100 payments on one account: no lost update, every payment exactly once. */
@LedgerIntegrationTest
class ConcurrentPaymentsTest {

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BalanceQueries balances;

    @Test
    void concurrentPaymentsOnOneAccountAreAllRecorded() throws Exception {
        AccountId account = AccountId.of(Api.newAccountId());
        gateway.sendAndWait(new OpenAccount(account, "Concurrent", RegionCode.of("78"), LocalDate.of(2026, 1, 1)));
        gateway.sendAndWait(new PostCharge(account, null, BillingPeriod.parse("2026-10"),
                Money.parse("100000.00"), null, null));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        for (int thread = 0; thread < 16; thread++) {
            int t = thread;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    gateway.sendAndWait(new RecordPayment(account, PaymentId.of("T" + t + "-" + i),
                            Money.parse("1.01"), PaymentChannel.MOBILE_APP, LocalDate.of(2026, 11, 20), null));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        Integer payments = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentRecorded'""",
                Integer.class, account.value());
        assertThat(payments).isEqualTo(1600);
        // 100000.00 - 1600 x 1.01 = 98384.00
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(balances.find(account).orElseThrow().balance()).isEqualTo(Money.parse("98384.00")));
        assertThat(balances.find(account).orElseThrow().paymentCount()).isEqualTo(1600);
    }
}

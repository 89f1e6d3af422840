package ru.utility.ledger.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import ru.utility.ledger.api.LedgerApplication;

/**
 * The whole application on a per-JVM embedded PostgreSQL (ephemeral, fsync off for speed). Every test class
 * with this annotation shares one Spring context; tests isolate themselves with unique account ids. The
 * ledger's clock starts where the run says (test resources' application.properties: -Dledger.test.clock-start,
 * or now) and runs on in real time, so tests read "today" from it ({@code Clock} bean or {@link TestDates}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
        "ledger.embedded-postgres.ephemeral=true",
        "ledger.embedded-postgres.durable=false",
        "axon.eventhandling.processors.balances.token-claim-interval=200",
        "axon.eventhandling.processors.statements.token-claim-interval=200",
        // Short, so LateCommitTest can hold a transaction open past it without a long wait.
        "ledger.event-store.gap-timeout=" + LedgerIntegrationTest.GAP_TIMEOUT_MILLIS + "ms",
        "axon.eventhandling.processors.feed.token-claim-interval=200",
        "ledger.feed.heartbeat=500ms",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "ledger.feed.poll-interval=50ms",
        "logging.level.org.axonframework=WARN"})
public @interface LedgerIntegrationTest {

    long GAP_TIMEOUT_MILLIS = 500;
}

package ru.utility.ledger.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.Uploads;

/**
 * A node crashed in the middle of a job: some lines are DONE (their payments recorded in the same
 * transaction), the rest PENDING, and the crashed node's lease has run out. Another node takes the job
 * over and sends only the pending lines: had it re-sent a finished one, the account would have answered
 * "duplicate" and the line would show up as failed.
 */
@LedgerIntegrationTest
class JobTakeoverTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aJobLeftByACrashedNodeContinuesWithItsPendingLinesOnly() {
        Api api = new Api(port);
        String account = Uploads.open(api);
        UUID job = UUID.randomUUID();
        for (int n = 1; n <= 2; n++) {
            assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                    {"paymentId": "TAKEOVER-%s-%d", "amount": "%d.00", "channel": "BANK_REGISTRY",
                     "receivedOn": "2026-11-20"}""".formatted(job, n, n)).status()).isEqualTo(201);
        }
        // The job as the crashed node left it, written at once so the worker cannot see half of it.
        transactions.executeWithoutResult(tx -> {
            jdbc.update("""
                    INSERT INTO bulk_job (id, kind, state, file_sha256, charset, created_by, lines_total, lines_done,
                                          started_at, updated_at, owner, lease_until)
                    VALUES (?, 'PAYMENT_REGISTRY', 'RUNNING', ?, 'UTF-8', 'operator', 4, 2,
                            clock_timestamp() - interval '1 minute', clock_timestamp() - interval '40 seconds',
                            'node-crashed', clock_timestamp() - interval '10 seconds')
                    """, job, (job.toString() + job).replace("-", "").substring(0, 64));
            for (int n = 1; n <= 4; n++) {
                jdbc.update("INSERT INTO bulk_job_line (job_id, line_no, status, account_id, reference, raw) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", job, n, n <= 2 ? "DONE" : "PENDING", account,
                        "TAKEOVER-" + n, "TAKEOVER-%s-%d;%s;%d.00;2026-11-20".formatted(job, n, account, n));
            }
        });

        JsonNode status = Uploads.awaitCompleted(api, "/api/v1/jobs/" + job);

        assertThat(status.get("linesDone").asInt()).isEqualTo(4);
        assertThat(status.get("linesFailed").asInt()).isZero();
        Uploads.awaitBalance(api, account, "-10.00");
        Integer payments = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentRecorded'
                """, Integer.class, account);
        assertThat(payments).isEqualTo(4);
    }
}

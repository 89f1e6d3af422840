package ru.utility.ledger.api.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.projections.relief.ProgrammeMoratoriumProjection;

/**
 * The penalty decision takes its moratoria from the programme's own events, written in the transaction that
 * appends them: a penalty accrual right after a launch or a closure applies it, even with the programme-moratoria
 * projection stopped, and programmes launched before the table existed are filled in from the event store.
 * The window (March 2017) is the one MoratoriumProgrammeApiTest uses, which no other test accrues through;
 * each programme is closed on its first day at the end, which takes its moratorium back.
 */
@LedgerIntegrationTest
class ProgrammeMoratoriumWindowsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProgrammeMoratoriumWindows windows;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theWindowsAreKeptByASubscribingProcessor() {
        assertThat(processing.eventProcessor(ProgrammeMoratoriumWindows.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void anAccrualRightAfterALaunchOrAClosureDecidesWithIt() {
        Api api = new Api(port);
        String base = accountOverdueThroughMarch2017(api);
        String programme = ("MOR-W-" + Api.newAccountId()).substring(0, 24);
        EventProcessor projection = processing.eventProcessor(ProgrammeMoratoriumProjection.PROCESSING_GROUP)
                .orElseThrow();
        projection.shutDown();
        try {
            assertThat(api.post("/api/v1/programmes", "operator", """
                    {"programId": "%s", "name": "Storm relief", "kind": "PENALTY_MORATORIUM",
                     "activeFrom": "2017-03-01", "activeTo": "2017-03-31"}""".formatted(programme)).status())
                    .isEqualTo(201);
            // No wait: 74.08 (MoratoriumProgrammeApiTest) less the 31 days of March, 100000 * 0.09 * 31 / 300 kop.
            Api.Response first = api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-25\"}");
            assertThat(first.json().get("posted").asString()).as(first.toString()).isEqualTo("64.78");
            assertThat(api.get(base + "/penalty?asOf=2026-11-25", "finance").json().get("unposted").asString())
                    .isEqualTo("0.00");

            assertThat(api.post("/api/v1/programmes/" + programme + "/closure", "operator", """
                    {"closedOn": "2017-03-01", "reason": "Withdrawn"}""").status()).isEqualTo(201);
            Api.Response back = api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-25\"}");
            assertThat(back.json().get("posted").asString()).as(back.toString()).isEqualTo("9.30");
        } finally {
            projection.start();
        }
    }

    /** The window commits with the launch or not at all: a write that fails takes the launch back with it. */
    @Test
    void aLaunchWhoseWindowCannotBeWrittenIsNotRecorded() {
        Api api = new Api(port);
        String programme = ("MOR-F-" + Api.newAccountId()).substring(0, 24);
        String launch = """
                {"programId": "%s", "name": "Failing relief", "kind": "PENALTY_MORATORIUM",
                 "activeFrom": "2017-03-01", "activeTo": "2017-03-31"}""".formatted(programme);
        jdbc.execute("ALTER TABLE programme_moratorium_window ADD CONSTRAINT refuse_every_row CHECK (false) NOT VALID");
        try {
            assertThat(api.post("/api/v1/programmes", "operator", launch).status()).isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.execute("ALTER TABLE programme_moratorium_window DROP CONSTRAINT refuse_every_row");
        }
        assertThat(api.get("/api/v1/programmes/" + programme, "auditor").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, programme)).isZero();

        assertThat(api.post("/api/v1/programmes", "operator", launch).status()).isEqualTo(201);
        assertThat(windows.all()).extracting(Moratorium::source).anyMatch(source -> source.contains(programme));
        assertThat(api.post("/api/v1/programmes/" + programme + "/closure", "operator", """
                {"closedOn": "2017-03-01", "reason": "Withdrawn"}""").status()).isEqualTo(201);
    }

    @Test
    void programmesLaunchedBeforeTheTableExistedAreFilledInFromTheEventStore() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM programme_moratorium_window_backfill", Integer.class))
                .as("the backfill ran when the node started").isEqualTo(1);
        Api api = new Api(port);
        String base = accountOverdueThroughMarch2017(api);
        String withdrawn = ("MOR-B-" + Api.newAccountId()).substring(0, 24);
        String open = ("MOR-O-" + Api.newAccountId()).substring(0, 24);
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Withdrawn relief", "kind": "PENALTY_MORATORIUM",
                 "activeFrom": "2017-03-01", "activeTo": "2017-03-31"}""".formatted(withdrawn)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes/" + withdrawn + "/closure", "operator", """
                {"closedOn": "2017-03-01", "reason": "Withdrawn"}""").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Open relief", "kind": "PENALTY_MORATORIUM",
                 "activeFrom": "2017-03-01"}""".formatted(open)).status()).isEqualTo(201);
        Moratorium expected = new Moratorium(LocalDate.of(2017, 3, 1), Moratorium.OPEN_END,
                "relief programme " + open + " (Open relief)");
        assertThat(windows.all()).contains(expected);

        // As before V105: the table knows neither programme, and the backfill has not run.
        jdbc.update("DELETE FROM programme_moratorium_window WHERE program_id IN (?, ?)", withdrawn, open);
        jdbc.update("DELETE FROM programme_moratorium_window_backfill");
        assertThat(windows.all()).doesNotContain(expected);

        assertThat(windows.backfill()).isTrue();
        assertThat(windows.all()).contains(expected);
        assertThat(jdbc.queryForObject("SELECT closed_on FROM programme_moratorium_window WHERE program_id = ?",
                LocalDate.class, withdrawn)).as("its closure applied too").isEqualTo(LocalDate.of(2017, 3, 1));
        assertThat(windows.backfill()).as("once only").isFalse();
        // Only the 19 days from the 31st overdue day to 28 February accrue: 100000 * 0.09 * 19 / 300 = 570 kop.
        Api.Response accrued = api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-25\"}");
        assertThat(accrued.json().get("posted").asString()).as(accrued.toString()).isEqualTo("5.70");

        assertThat(api.post("/api/v1/programmes/" + open + "/closure", "operator", """
                {"closedOn": "2017-03-01", "reason": "Done"}""").status()).isEqualTo(201);
        assertThat(windows.all()).doesNotContain(expected);
    }

    /** 1000.00 billed for December 2016, due 2017-01-10, paid 2017-06-30: 74.08 penalty without a moratorium. */
    private static String accountOverdueThroughMarch2017(Api api) {
        String id = Api.newAccountId();
        String base = "/api/v1/accounts/" + id;
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Orlov Ivan", "regionCode": "50", "openedOn": "2016-06-01"}"""
                .formatted(id)).status()).isEqualTo(201);
        assertThat(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2016-12", "amount": "1000.00"}""").status()).isEqualTo(201);
        assertThat(api.post(base + "/payments", "operator", """
                {"paymentId": "BANK-1", "amount": "1000.00", "channel": "CASH_OFFICE", "receivedOn": "2017-06-30"}""")
                .status()).isEqualTo(201);
        return base;
    }
}

package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

@LedgerIntegrationTest
class EventStoreSchemaTest {

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void eventTableIsAppendOnly() {
        String id = Api.newAccountId();
        new Api(port).post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Immutable", "regionCode": "02"}""".formatted(id));

        assertThatThrownBy(() -> jdbc.update(
                "UPDATE domain_event_entry SET payload = '\\x00'::bytea WHERE aggregate_identifier = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry CASCADE"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void payloadsAreByteaWithSnakeCaseColumns() {
        assertThat(jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                 WHERE data_type = 'bytea' AND table_schema = 'public' ORDER BY 1""", String.class))
                .contains("domain_event_entry.payload", "domain_event_entry.meta_data",
                        "snapshot_event_entry.payload", "token_entry.token");
        assertThat(jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_name IN ('domain_event_entry', 'token_entry') AND column_name ~ '[A-Z]'""",
                String.class)).isEmpty();
        assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry", String.class))
                .contains("feed");
    }

    @Test
    void embeddedServerIsPostgres17() {
        assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17.");
    }
}

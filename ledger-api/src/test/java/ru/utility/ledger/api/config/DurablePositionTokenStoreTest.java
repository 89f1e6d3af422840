package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * A projection batch whose asynchronous commit a database crash lost: the processor still holds the lost
 * position in memory. Its next batch must not store a later token over the older stored one (the events in
 * between would never be applied); it fails, and the segment is claimed again from the stored token.
 */
@LedgerIntegrationTest
class DurablePositionTokenStoreTest {

    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchAfterALostCommitFailsAndTheSegmentResumesFromTheStoredToken() {
        String processor = "position-check-" + UUID.randomUUID();
        TrackingToken stored = GapAwareTrackingToken.newInstance(10, List.of());
        transactions.executeWithoutResult(tx -> tokens.initializeTokenSegments(processor, 1, stored));
        assertThat(claim(processor)).isEqualTo(stored);
        byte[] storedRow = jdbc.queryForObject("SELECT token FROM token_entry WHERE processor_name = ?",
                byte[].class, processor);

        transactions.executeWithoutResult(tx -> tokens.storeToken(token(20), processor, 0));
        // The crash: the commit of position 20 is gone, the row holds position 10 again.
        jdbc.update("UPDATE token_entry SET token = ? WHERE processor_name = ?", storedRow, processor);

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                tx -> tokens.storeToken(token(30), processor, 0)))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("a commit was lost");
        transactions.executeWithoutResult(tx -> tokens.releaseClaim(processor, 0));
        assertThat(claim(processor)).isEqualTo(stored);
        transactions.executeWithoutResult(tx -> tokens.storeToken(token(20), processor, 0));
        transactions.executeWithoutResult(tx -> tokens.storeToken(token(30), processor, 0));
        assertThat(claim(processor)).isEqualTo(token(30));
    }

    @Test
    void aRolledBackBatchLeavesThePositionItWasAt() {
        String processor = "position-check-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> tokens.initializeTokenSegments(processor, 1, token(10)));
        claim(processor);
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            tokens.storeToken(token(20), processor, 0);
            throw new IllegalStateException("a handler failed");
        })).isInstanceOf(IllegalStateException.class);
        transactions.executeWithoutResult(tx -> tokens.storeToken(token(20), processor, 0));
        assertThat(claim(processor)).isEqualTo(token(20));
    }

    private TrackingToken claim(String processor) {
        TrackingToken[] token = new TrackingToken[1];
        transactions.executeWithoutResult(tx -> token[0] = tokens.fetchToken(processor, 0));
        return token[0];
    }

    private static TrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }
}

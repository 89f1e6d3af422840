package ru.utility.ledger.api.anchor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.api.eventstore.EventHashChain;
import ru.utility.ledger.api.eventstore.MerkleTree;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.core.api.AnchorLogId;
import ru.utility.ledger.core.api.anchor.AnchorChains;
import ru.utility.ledger.core.api.anchor.AnchorReceipt;
import ru.utility.ledger.core.api.anchor.ChainsAnchored;

/**
 * Anchors the hash chains: takes the head (newest committed event) of every stream, records the Merkle root over
 * them as {@link ChainsAnchored} (published on the feed) and the heads themselves in {@code chain_anchor_head},
 * in one transaction. Verifying against an anchor recomputes its root from the recorded heads and looks each
 * head up in the event store: a head that is gone means the stream lost its newest events.
 */
@Service
public class ChainAnchoring {

    /** A recorded anchor, as its event says. */
    public record Anchor(long number, String merkleRoot, int chains, long upToGlobalIndex, Instant anchoredAt) {
    }

    /** What a verification found wrong with one anchored stream. */
    public record Finding(String stream, String problem, long anchoredSequence, Long storedLastSequence) {
    }

    /**
     * @param rootMatches the recorded heads still give the anchor's root (else the head table was altered)
     * @param valid       the root matches and every anchored head is in the store with its hash
     */
    public record Verification(Anchor anchor, boolean rootMatches, String recomputedRoot, int chainsChecked,
                               boolean valid, List<Finding> findings) {
    }

    private static final String LOG = AnchorLogId.CHAINS.toString();

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final LedgerCommands commands;
    private final TransactionTemplate transactions;

    public ChainAnchoring(JdbcTemplate jdbc, EventStore eventStore, LedgerCommands commands,
                          PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Records the next anchor over every stream's current head. */
    public Anchor anchor() {
        AnchorReceipt receipt = transactions.execute(status -> {
            List<MerkleTree.Head> heads = currentHeads();
            long upTo = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                    Long.class);
            long number = anchors().stream().mapToLong(Anchor::number).max().orElse(0) + 1;
            String root = MerkleTree.root(heads);
            jdbc.batchUpdate("INSERT INTO chain_anchor_head (anchor_number, aggregate_identifier, sequence_number,"
                    + " hash) VALUES (?, ?, ?, ?)", heads.stream()
                    .map(h -> new Object[] {number, h.stream(), h.sequence(), h.hash()}).toList());
            return commands.send(new AnchorChains(AnchorLogId.CHAINS, number, root, heads.size(), upTo));
        });
        return anchor(receipt.number()).orElseThrow();
    }

    /** The anchors recorded so far, oldest first. */
    public List<Anchor> anchors() {
        List<Anchor> anchors = new ArrayList<>();
        eventStore.readEvents(LOG).asStream().forEach(message -> {
            if (message.getPayload() instanceof ChainsAnchored anchored) {
                anchors.add(new Anchor(anchored.number(), anchored.merkleRoot(), anchored.chains(),
                        anchored.upToGlobalIndex(), message.getTimestamp()));
            }
        });
        return anchors;
    }

    public Optional<Anchor> anchor(long number) {
        return anchors().stream().filter(a -> a.number() == number).findFirst();
    }

    public Optional<Anchor> latest() {
        return anchors().stream().max(Comparator.comparingLong(Anchor::number));
    }

    /** The heads an anchor covers, by stream: its export. */
    public List<MerkleTree.Head> heads(long number) {
        return jdbc.query("SELECT aggregate_identifier, sequence_number, hash FROM chain_anchor_head"
                        + " WHERE anchor_number = ? ORDER BY aggregate_identifier",
                (rs, n) -> new MerkleTree.Head(rs.getString(1), rs.getLong(2), rs.getString(3)), number);
    }

    /** Checks the store against an anchor: its heads must still give its root and still be stored as they were. */
    public Verification verify(Anchor anchor) {
        List<MerkleTree.Head> heads = heads(anchor.number());
        String recomputed = MerkleTree.root(heads);
        boolean rootMatches = recomputed.equals(anchor.merkleRoot()) && heads.size() == anchor.chains();
        Map<String, MerkleTree.Head> stored = storedAtAnchoredSequences(anchor.number()).stream()
                .collect(Collectors.toMap(MerkleTree.Head::stream, Function.identity()));
        Map<String, Long> lastSequences = lastSequences(anchor.number());
        List<Finding> findings = new ArrayList<>();
        for (MerkleTree.Head head : heads) {
            MerkleTree.Head found = stored.get(head.stream());
            Long last = lastSequences.get(head.stream());
            if (found == null) {
                findings.add(new Finding(head.stream(), "TRUNCATED", head.sequence(), last));
            } else if (!found.hash().equals(head.hash())) {
                findings.add(new Finding(head.stream(), "ALTERED", head.sequence(), last));
            }
        }
        return new Verification(anchor, rootMatches, recomputed, heads.size(), rootMatches && findings.isEmpty(),
                findings);
    }

    /** The newest event of every stream but the anchor log, with its chain hash. */
    private List<MerkleTree.Head> currentHeads() {
        return jdbc.query("""
                SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, meta_data
                  FROM domain_event_entry
                 WHERE aggregate_identifier <> ?
                 ORDER BY aggregate_identifier, sequence_number DESC""",
                (rs, n) -> new MerkleTree.Head(rs.getString(1), rs.getLong(2), hashOf(rs.getBytes(3))), LOG);
    }

    private List<MerkleTree.Head> storedAtAnchoredSequences(long number) {
        return jdbc.query("""
                SELECT e.aggregate_identifier, e.sequence_number, e.meta_data
                  FROM chain_anchor_head h
                  JOIN domain_event_entry e
                    ON e.aggregate_identifier = h.aggregate_identifier AND e.sequence_number = h.sequence_number
                 WHERE h.anchor_number = ?""",
                (rs, n) -> new MerkleTree.Head(rs.getString(1), rs.getLong(2), hashOf(rs.getBytes(3))), number);
    }

    private Map<String, Long> lastSequences(long number) {
        Map<String, Long> last = new java.util.HashMap<>();
        jdbc.query("""
                SELECT h.aggregate_identifier, max(e.sequence_number)
                  FROM chain_anchor_head h
                  JOIN domain_event_entry e ON e.aggregate_identifier = h.aggregate_identifier
                 WHERE h.anchor_number = ?
                 GROUP BY h.aggregate_identifier""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> last.put(rs.getString(1), rs.getLong(2)),
                number);
        return last;
    }

    private static String hashOf(byte[] metaData) {
        String hash = EventHashChain.storedHash(metaData);
        return hash == null ? "" : hash;
    }
}

package ru.utility.ledger.api.ops.projections;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replay equals live. Every projection's handler code runs over all stored events into tables of the
 * {@value #SHADOW_SCHEMA} schema (created {@code LIKE} the live ones), and the two sets of tables are
 * compared row by row. The shadow writes go through the projections' own SQL: each chunk of events is
 * applied in a short transaction whose {@code search_path} puts the shadow schema first, so the unqualified
 * table names in the handlers resolve to the shadow tables. Short transactions matter: a long writing
 * transaction would hold back every live projection (see LateCommitSafeReads).
 *
 * <p>The comparison is meaningful when the live projections have processed the same events; run it on a
 * quiet ledger or compare {@code upToIndex} with each processor's position.
 */
@Service
public class ReplayCheck {

    public static final String SHADOW_SCHEMA = "ledger_shadow";
    static final int MAX_REPORTED = 100;
    private static final int CHUNK = 500;
    private static final String GUARD_TABLE = "projection_guard";

    private final ProjectionCatalog catalog;
    private final EventStorageEngine storageEngine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ReplayCheck(ProjectionCatalog catalog, EventStorageEngine storageEngine, JdbcTemplate jdbc,
                       TransactionTemplate transactions) {
        this.catalog = catalog;
        this.storageEngine = storageEngine;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public synchronized ReplayCheckReport run() {
        String live = jdbc.queryForObject("SELECT current_schema()", String.class);
        List<ProjectionDefinition> projections = catalog.all();
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + SHADOW_SCHEMA);
            for (ProjectionDefinition projection : projections) {
                for (ProjectionDefinition.Table table : projection.tables()) {
                    jdbc.execute("DROP TABLE IF EXISTS " + shadow(table));
                    jdbc.execute("CREATE TABLE " + shadow(table) + " (LIKE " + qualified(live, table)
                            + " INCLUDING ALL)");
                }
            }
            // The shadow replay answers to a repeat-delivery guard of its own, empty, not compared (its
            // previous_sequence depends on batch boundaries); through the live one it would apply nothing.
            jdbc.execute("DROP TABLE IF EXISTS " + SHADOW_SCHEMA + "." + GUARD_TABLE);
            jdbc.execute("CREATE TABLE " + SHADOW_SCHEMA + "." + GUARD_TABLE + " (LIKE " + quote(live) + "."
                    + GUARD_TABLE + " INCLUDING ALL)");
        });
        List<AnnotationEventHandlerAdapter> handlers = projections.stream()
                .map(p -> new AnnotationEventHandlerAdapter(p.handlerFactory().apply(jdbc))).toList();
        long replayed = 0;
        long upTo = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            while (iterator.hasNext()) {
                chunk.add(iterator.next());
                if (chunk.size() == CHUNK || !iterator.hasNext()) {
                    apply(live, handlers, chunk);
                    replayed += chunk.size();
                    upTo = chunk.getLast().trackingToken().position().orElse(upTo);
                    chunk.clear();
                }
            }
        }
        List<ReplayCheckReport.TableCheck> checks = new ArrayList<>();
        for (ProjectionDefinition projection : projections) {
            for (ProjectionDefinition.Table table : projection.tables()) {
                checks.add(compare(projection.name(), live, table));
            }
        }
        return new ReplayCheckReport(checks.stream().allMatch(c -> c.differenceCount() == 0), replayed, upTo, checks);
    }

    private void apply(String live, List<AnnotationEventHandlerAdapter> handlers, List<TrackedEventMessage<?>> chunk) {
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL search_path TO " + SHADOW_SCHEMA + ", " + quote(live));
            for (TrackedEventMessage<?> event : chunk) {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        try {
                            handler.handle(event);
                        } catch (Exception e) {
                            throw new IllegalStateException("shadow projection " + handler.getTargetType()
                                    .getSimpleName() + " failed on event " + event.getIdentifier(), e);
                        }
                    }
                }
            }
        });
    }

    private ReplayCheckReport.TableCheck compare(String projection, String live, ProjectionDefinition.Table table) {
        String liveTable = qualified(live, table);
        String shadowTable = shadow(table);
        String order = String.join(", ", table.keyColumns());
        String key = "concat_ws('|', " + table.keyColumns().stream().map(c -> c + "::text")
                .collect(Collectors.joining(", ")) + ")";
        long liveRows = count(liveTable);
        long shadowRows = count(shadowTable);
        String liveSum = checksum(liveTable, order);
        String shadowSum = checksum(shadowTable, order);
        String differencesSql = """
                WITH l AS (SELECT %1$s AS k, md5(t::text) AS h, t::text AS r FROM %2$s t),
                     s AS (SELECT %1$s AS k, md5(t::text) AS h, t::text AS r FROM %3$s t)
                SELECT coalesce(l.k, s.k) AS k,
                       CASE WHEN l.k IS NULL THEN 'MISSING_IN_LIVE' WHEN s.k IS NULL THEN 'MISSING_IN_SHADOW'
                            ELSE 'DIFFERENT' END AS kind,
                       l.r AS live_row, s.r AS shadow_row, count(*) OVER () AS total
                  FROM l FULL JOIN s ON l.k = s.k
                 WHERE l.h IS DISTINCT FROM s.h
                 ORDER BY 1 LIMIT %4$d""".formatted(key, liveTable, shadowTable, MAX_REPORTED);
        long[] total = {0};
        List<ReplayCheckReport.RowDifference> differences = jdbc.query(differencesSql, (rs, row) -> {
            total[0] = rs.getLong("total");
            return new ReplayCheckReport.RowDifference(rs.getString("k"), rs.getString("kind"),
                    rs.getString("live_row"), rs.getString("shadow_row"));
        });
        return new ReplayCheckReport.TableCheck(projection, table.name(), liveRows, shadowRows, liveSum, shadowSum,
                total[0], differences);
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    private String checksum(String table, String order) {
        return jdbc.queryForObject("SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY " + order
                + "), '')) FROM " + table + " t", String.class);
    }

    private static String shadow(ProjectionDefinition.Table table) {
        return SHADOW_SCHEMA + "." + quote(table.name());
    }

    private static String qualified(String schema, ProjectionDefinition.Table table) {
        return quote(schema) + "." + quote(table.name());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

package ru.utility.ledger.api.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;

/**
 * The one place the ledger reads the machine's clock. Every business date and every recorded instant comes
 * from the clock made here: the beans that take a {@link Clock}, and Axon's event message clock, which
 * stamps each event's recorded instant. ArchitectureTest forbids reading the wall clock anywhere else.
 */
public final class LedgerClock {

    /**
     * One offset per start within a JVM: several ledger nodes started one after another in one JVM (the
     * two-node tests) must share one clock, as nodes on real machines share NTP time. Each working out its own
     * offset at its own start would put the later node behind by the seconds between the starts, and its
     * heartbeats and claims would look that much older to the other.
     */
    private static final Map<String, Duration> OFFSETS = new ConcurrentHashMap<>();

    private LedgerClock() {
    }

    /**
     * The machine's clock, or one that starts at {@code start} and runs on in real time from there, so
     * successive events still get successive instants (a suite run at another date, a demo of next year).
     *
     * @param start blank, an instant ({@code 2027-03-01T06:00:00Z}) or a date-time with offset
     *              ({@code 2027-03-01T09:00:00+03:00})
     */
    public static Clock startingAt(String start) {
        Clock machine = Clock.systemUTC();
        if (start == null || start.isBlank()) {
            return machine;
        }
        Duration offset = OFFSETS.computeIfAbsent(start.strip(),
                given -> Duration.between(machine.instant(), parse(given)));
        return Clock.offset(machine, offset);
    }

    /**
     * Makes Axon stamp events and token claims with {@code clock}; Axon keeps both clocks in static fields. The
     * claims must be on the ledger's clock because cluster health (ClusterHealthIndicator) judges their age by it.
     */
    public static Clock installInAxon(Clock clock) {
        GenericEventMessage.clock = clock;
        AbstractTokenEntry.clock = clock;
        return clock;
    }

    private static Instant parse(String start) {
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException notAnOffsetDateTime) {
            try {
                return Instant.parse(start);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("ledger.clock.start must be an ISO-8601 instant or date-time "
                        + "with offset, such as 2027-03-01T09:00:00+03:00; was '" + start + "'", e);
            }
        }
    }
}

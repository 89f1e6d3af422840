package ru.utility.ledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class CommandRetryTest {

    @Test
    void theDelaysGrowExponentiallyWithJitterUpToTheCapAndStopAfterTheLastAttempt() {
        var policy = CommandRetry.policy(5, Duration.ofMillis(10), 2, Duration.ofMillis(100), Duration.ofMillis(5));
        // Retry n waits 10 ms × 2^n ± 5 ms × 2^n, at most 100 ms; four retries make five attempts.
        long[][] bounds = {{5, 15}, {10, 30}, {20, 60}, {40, 100}};
        double[] sums = new double[4];
        List<Long> firstDelays = new ArrayList<>();
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            BackOffExecution delays = policy.getBackOff().start();
            for (int retry = 0; retry < 4; retry++) {
                long delay = delays.nextBackOff();
                assertThat(delay).as("retry %d", retry).isBetween(bounds[retry][0], bounds[retry][1]);
                sums[retry] += delay;
                if (retry == 0) {
                    firstDelays.add(delay);
                }
            }
            assertThat(delays.nextBackOff()).as("no fifth retry").isEqualTo(BackOffExecution.STOP);
        }
        assertThat(firstDelays.stream().distinct().count()).as("jittered, not one fixed delay").isGreaterThan(3);
        // Spring keeps a jittered delay at or above the first delay, so the ranges overlap; on average they grow.
        for (int retry = 1; retry < 4; retry++) {
            assertThat(sums[retry] / runs).as("mean delay before retry %d", retry)
                    .isGreaterThan(1.3 * sums[retry - 1] / runs);
        }
    }

    @Test
    void aConflictIsRetriedAfterGrowingWaitsUntilTheCommandSucceeds() {
        CommandRetry retry = new CommandRetry(5, Duration.ofMillis(20), 3, Duration.ofSeconds(1), Duration.ZERO);
        List<Long> attempts = new ArrayList<>();
        String answer = retry.onConflict(() -> {
            attempts.add(System.nanoTime());
            if (attempts.size() < 3) {
                throw new ConcurrencyException("lost the race for sequence " + attempts.size());
            }
            return "recorded";
        });
        assertThat(answer).isEqualTo("recorded");
        assertThat(attempts).hasSize(3);
        // Sleeps are never shorter than asked: 20 ms before the second attempt, 60 ms before the third.
        assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(Duration.ofNanos(attempts.get(2) - attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void afterTheLastAttemptTheConflictItselfPropagates() {
        CommandRetry retry = new CommandRetry(5, Duration.ofMillis(1), 2, Duration.ofMillis(4), Duration.ZERO);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.onConflict(() -> {
            throw new ConcurrencyException("conflict " + attempts.incrementAndGet());
        })).isInstanceOf(ConcurrencyException.class).hasMessage("conflict 5");
        assertThat(attempts).hasValue(5);
    }

    @Test
    void anythingButAConflictIsNotRetried() {
        CommandRetry retry = new CommandRetry(5, Duration.ofMillis(1), 2, Duration.ofMillis(4), Duration.ZERO);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.onConflict(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the store is gone");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
        assertThatThrownBy(() -> new CommandRetry(0, Duration.ofMillis(1), 2, Duration.ofMillis(4), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

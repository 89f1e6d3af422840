package ru.utility.ledger.api.command;

import java.time.Duration;
import java.util.function.Supplier;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Repeats a command that lost a write race: two nodes appending to one account collide on the event table's
 * unique key, and the loser's {@link ConcurrencyException} is retried against the fresh stream, where the
 * aggregate decides again. Spring's {@link RetryTemplate} waits between attempts with exponential back-off and
 * jitter, so writers that collided once do not collide again in lock step. Anything else fails at once.
 * Configured by {@code ledger.commands.retry.*}; after the last attempt the conflict propagates (answered
 * 409 {@code CONCURRENT_MODIFICATION}).
 */
@Component
public class CommandRetry {

    private final RetryPolicy policy;
    private final RetryTemplate template;

    public CommandRetry(@Value("${ledger.commands.retry.max-attempts:5}") int maxAttempts,
                        @Value("${ledger.commands.retry.delay:10ms}") Duration delay,
                        @Value("${ledger.commands.retry.multiplier:2}") double multiplier,
                        @Value("${ledger.commands.retry.max-delay:200ms}") Duration maxDelay,
                        @Value("${ledger.commands.retry.jitter:5ms}") Duration jitter) {
        this.policy = policy(maxAttempts, delay, multiplier, maxDelay, jitter);
        this.template = new RetryTemplate(policy);
    }

    /**
     * The delay before retry n (from 0) is {@code delay × multiplier^n}, at most {@code maxDelay}, plus or
     * minus {@code jitter × multiplier^n} (Spring's ExponentialBackOff scales the jitter with the delay).
     */
    static RetryPolicy policy(int maxAttempts, Duration delay, double multiplier, Duration maxDelay,
                              Duration jitter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ledger.commands.retry.max-attempts must be at least 1, was "
                    + maxAttempts);
        }
        return RetryPolicy.builder().includes(ConcurrencyException.class).maxRetries(maxAttempts - 1L)
                .delay(delay).multiplier(multiplier).maxDelay(maxDelay).jitter(jitter).build();
    }

    RetryPolicy policy() {
        return policy;
    }

    /** Runs {@code command}, again after a conflict; the last attempt's exception is thrown as it was. */
    public <R> R onConflict(Supplier<R> command) {
        return template.invoke(command);
    }
}

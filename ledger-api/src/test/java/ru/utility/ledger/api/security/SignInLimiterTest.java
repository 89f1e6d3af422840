package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

/** The limiter's arithmetic on a clock the test moves: per user, per address, refill and Retry-After. */
class SignInLimiterTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    // 3 failures per user, 5 per address, refilling evenly over 60 s (one token every 20 s per user).
    final SignInLimiter limiter = new SignInLimiter(new SignInLimitProperties(3, 5, Duration.ofSeconds(60), 1000), time);

    @Test
    void aUserIsRefusedAfterItsFailuresFromAnyAddressUntilATokenRefills() {
        limiter.failed("Olga", "10.0.0.1");
        limiter.failed("olga", "10.0.0.2");
        assertThat(limiter.refusal("olga", "10.0.0.3")).isEmpty();
        limiter.failed(" OLGA ", "10.0.0.3");
        Duration wait = limiter.refusal("olga", "10.0.0.4").orElseThrow();
        assertThat(wait).isEqualTo(Duration.ofSeconds(20));
        assertThat(SignInRefusedException.retryAfterSeconds(wait)).isEqualTo(20);
        // Other users from the same addresses are not affected.
        assertThat(limiter.refusal("ivan", "10.0.0.1")).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(19).toNanos());
        assertThat(limiter.refusal("olga", "10.0.0.4")).contains(Duration.ofSeconds(1));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.refusal("olga", "10.0.0.4")).isEmpty();
    }

    @Test
    void anAddressIsRefusedAfterItsFailuresWhateverNamesItTries() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("user-" + i, "192.0.2.7");
        }
        assertThat(limiter.refusal("someone-else", "192.0.2.7")).contains(Duration.ofSeconds(12));
        assertThat(limiter.refusal(null, "192.0.2.7")).isPresent();
        assertThat(limiter.refusal("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void retryAfterIsRoundedUpToAWholeSecond() {
        assertThat(SignInRefusedException.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(SignInRefusedException.retryAfterSeconds(Duration.ofMillis(19_001))).isEqualTo(20);
    }
}

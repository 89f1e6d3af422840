package ru.utility.ledger.api.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Failed sign-ins per user name and per client address, as token buckets (Bucket4j): each failure takes a
 * token from both; while either is empty every attempt with that name or from that address is refused, right
 * ones included, until a token has refilled. Used by every sign-in of the application (HTTP Basic through
 * {@link RateLimitedAuthenticationProvider}; a form login calls the same two methods).
 */
public class SignInLimiter {

    private final SignInLimitProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    public SignInLimiter(SignInLimitProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    SignInLimiter(SignInLimitProperties properties, TimeMeter time) {
        this.properties = properties;
        this.time = time;
        this.users = Caffeine.newBuilder().maximumSize(properties.trackedKeys())
                .expireAfterAccess(properties.window()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(properties.trackedKeys())
                .expireAfterAccess(properties.window()).build();
    }

    /** How long the caller must wait before signing in with this name from this address; empty: go ahead. */
    public Optional<Duration> refusal(String user, String address) {
        long nanos = Math.max(wait(users, userKey(user)), wait(addresses, address));
        return nanos <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /** A sign-in with this name from this address failed (wrong password, unknown user). */
    public void failed(String user, String address) {
        take(users, userKey(user), properties.perUser());
        take(addresses, address, properties.perAddress());
    }

    private long wait(Cache<String, Bucket> buckets, String key) {
        if (key == null) {
            return 0;
        }
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private void take(Cache<String, Bucket> buckets, String key, int allowed) {
        if (key != null) {
            buckets.get(key, k -> bucket(allowed)).tryConsume(1);
        }
    }

    private Bucket bucket(int allowed) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowed).refillGreedy(allowed, properties.window()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static String userKey(String user) {
        return user == null || user.isEmpty() ? null : user.strip().toLowerCase(Locale.ROOT);
    }
}

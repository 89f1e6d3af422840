package ru.utility.ledger.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Remembers a successful HTTP Basic check for a short time, so that a client sending the same credentials
 * on every request pays bcrypt's deliberate cost (~80 ms of CPU at cost 10) once per TTL instead of on
 * every call. Only verified credentials are remembered, one entry per real user, as a SHA-256 digest of
 * name and password compared in constant time; a different password always goes to bcrypt again. A
 * Caffeine cache that forgets an entry {@code ttl} after it was written and holds at most {@code maxUsers}
 * users, in the metrics as cache {@value #METRICS_NAME}.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    static final String METRICS_NAME = "ledger.credentials";

    private final AuthenticationProvider delegate;
    private final boolean enabled;
    private final Cache<String, Verified> verified;

    private record Verified(byte[] digest, Authentication authentication) {
    }

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, int maxUsers) {
        this.delegate = delegate;
        this.enabled = ttl.isPositive() && maxUsers > 0;
        this.verified = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ZERO)
                .maximumSize(Math.max(0, maxUsers)).executor(Runnable::run).recordStats().build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (!enabled || name == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        byte[] digest = digest(name, password);
        Verified known = verified.getIfPresent(name);
        if (known != null && MessageDigest.isEqual(known.digest(), digest)) {
            return known.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            UsernamePasswordAuthenticationToken withoutPassword = UsernamePasswordAuthenticationToken.authenticated(
                    result.getPrincipal(), null, result.getAuthorities());
            verified.put(name, new Verified(digest, withoutPassword));
            return withoutPassword;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** Users remembered now (after any pending eviction or expiry). */
    long rememberedUsers() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, verified, METRICS_NAME);
    }

    private static byte[] digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

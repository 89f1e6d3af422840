package ru.utility.ledger.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers a successful HTTP Basic check for a short time, so that a client sending the same credentials
 * on every request pays bcrypt's deliberate cost (~80 ms of CPU at cost 10) once per TTL instead of on
 * every call. Only verified credentials are remembered, one entry per real user, as a SHA-256 digest of
 * name and password compared in constant time; a different password always goes to bcrypt again.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final long ttlNanos;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(byte[] digest, Authentication authentication, long expiresAt) {
    }

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (ttlNanos <= 0 || name == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        byte[] digest = digest(name, password);
        Verified known = verified.get(name);
        long now = System.nanoTime();
        if (known != null && now - known.expiresAt() < 0 && MessageDigest.isEqual(known.digest(), digest)) {
            return known.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            UsernamePasswordAuthenticationToken withoutPassword = UsernamePasswordAuthenticationToken.authenticated(
                    result.getPrincipal(), null, result.getAuthorities());
            verified.put(name, new Verified(digest, withoutPassword, now + ttlNanos));
            return withoutPassword;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
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

package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CachingAuthenticationProviderTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();

    private CachingAuthenticationProvider provider(Duration ttl) {
        return provider(ttl, 100);
    }

    private CachingAuthenticationProvider provider(Duration ttl, int maxUsers) {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
        InMemoryUserDetailsManager store = new InMemoryUserDetailsManager(
                User.withUsername("olga").password(encoder.encode("right")).roles("OPERATOR").build(),
                User.withUsername("petr").password(encoder.encode("right")).roles("OPERATOR").build(),
                User.withUsername("anna").password(encoder.encode("right")).roles("OPERATOR").build());
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(store::loadUserByUsername);
        dao.setPasswordEncoder(encoder);
        AuthenticationProvider counting = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                bcryptChecks.incrementAndGet();
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        };
        return new CachingAuthenticationProvider(counting, ttl, maxUsers);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPasswordIsCheckedByBcryptOncePerTtl() {
        AuthenticationProvider provider = provider(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            Authentication result = provider.authenticate(login("olga", "right"));
            assertThat(result.isAuthenticated()).isTrue();
            assertThat(result.getAuthorities()).extracting(Object::toString).contains("ROLE_OPERATOR");
            assertThat(result.getCredentials()).isNull();
        }
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverServedFromTheCache() {
        AuthenticationProvider provider = provider(Duration.ofMinutes(5));
        provider.authenticate(login("olga", "right"));
        assertThatThrownBy(() -> provider.authenticate(login("olga", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("ivan", "right")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aZeroTtlDisablesTheCache() {
        AuthenticationProvider provider = provider(Duration.ZERO);
        provider.authenticate(login("olga", "right"));
        provider.authenticate(login("olga", "right"));
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void anExpiredEntryIsCheckedAgain() throws InterruptedException {
        AuthenticationProvider provider = provider(Duration.ofMillis(30));
        provider.authenticate(login("olga", "right"));
        Thread.sleep(60);
        provider.authenticate(login("olga", "right"));
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void atMostMaxUsersAreRememberedAndTheCacheReportsItsFigures() {
        CachingAuthenticationProvider provider = provider(Duration.ofMinutes(5), 2);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        provider.bindTo(registry);
        for (String user : new String[] {"olga", "petr", "anna"}) {
            provider.authenticate(login(user, "right"));
        }
        assertThat(provider.rememberedUsers()).isEqualTo(2);
        assertThat(registry.get("cache.evictions").tag("cache", CachingAuthenticationProvider.METRICS_NAME)
                .functionCounter().count()).isEqualTo(1);
        assertThat(bcryptChecks).hasValue(3);
        provider.authenticate(login("olga", "right"));
        provider.authenticate(login("petr", "right"));
        provider.authenticate(login("anna", "right"));
        assertThat(provider.rememberedUsers()).isEqualTo(2);
        assertThat(registry.get("cache.gets").tag("cache", CachingAuthenticationProvider.METRICS_NAME)
                .tag("result", "hit").functionCounter().count()).as("a remembered user skips bcrypt")
                .isEqualTo(6 - bcryptChecks.get());
    }
}

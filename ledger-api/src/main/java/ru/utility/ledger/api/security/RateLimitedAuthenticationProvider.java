package ru.utility.ledger.api.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link SignInLimiter} in front of a password check: a name or address with too many failures is refused
 * before the password is even looked at, and every wrong password counts. It sits in the application's one
 * AuthenticationProvider, so every filter chain that checks a user name and password (HTTP Basic here, a form
 * login elsewhere) is limited alike; the address comes from the WebAuthenticationDetails those filters attach.
 */
final class RateLimitedAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final SignInLimiter limiter;

    RateLimitedAuthenticationProvider(AuthenticationProvider delegate, SignInLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String user = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        Optional<java.time.Duration> wait = limiter.refusal(user, address);
        if (wait.isPresent()) {
            throw new SignInRefusedException(wait.get());
        }
        try {
            return delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            limiter.failed(user, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}

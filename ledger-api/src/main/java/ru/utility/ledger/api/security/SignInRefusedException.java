package ru.utility.ledger.api.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the user name or from the address: answered 429 with Retry-After. */
public class SignInRefusedException extends AuthenticationException {

    private final Duration retryAfter;

    public SignInRefusedException(Duration retryAfter) {
        super("too many failed sign-ins; retry after " + retryAfterSeconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: a client waiting that long finds a token refilled. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

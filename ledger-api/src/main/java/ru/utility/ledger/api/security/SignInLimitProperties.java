package ru.utility.ledger.api.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed sign-ins allowed before further attempts are refused with 429: {@code perUser} failures for one user
 * name and {@code perAddress} for one client address within {@code window}; the allowance refills evenly over
 * the window. {@code trackedKeys} bounds the memory: the least recently seen names and addresses are forgotten.
 */
@ConfigurationProperties("ledger.security.sign-in-limit")
public record SignInLimitProperties(@DefaultValue("10") int perUser,
                                    @DefaultValue("50") int perAddress,
                                    @DefaultValue("15m") Duration window,
                                    @DefaultValue("100000") int trackedKeys) {
}

package ru.utility.ledger.api.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users for HTTP Basic. Passwords are given only as bcrypt hashes ({@code {bcrypt}$2a$...} or a bare
 * {@code $2a$...}). Demo users (name = password) are on by default only with the embedded database.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(boolean demoUsers, List<User> users) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String name, String passwordHash, Set<Role> roles) {
    }
}

package ru.utility.ledger.api.console;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import ru.utility.ledger.api.security.Role;

/**
 * What the signed-in user may see and do, for the templates to leave out what a role may not use. The same
 * rules are enforced on the server by {@link ConsoleSecurityConfiguration}.
 */
public record ConsoleUser(String name, Set<String> roles) {

    static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new ConsoleUser(null, Set.of());
        }
        return new ConsoleUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet()));
    }

    private boolean any(String... allowed) {
        for (String role : allowed) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean writes() {
        return roles.contains(Role.OPERATOR.name());
    }

    public boolean accounts() {
        return any(ConsoleSecurityConfiguration.ACCOUNT_READERS);
    }

    public boolean statements() {
        return any(ConsoleSecurityConfiguration.STATEMENT_READERS);
    }

    public boolean history() {
        return any(ConsoleSecurityConfiguration.HISTORY_READERS);
    }

    public boolean overdue() {
        return any(ConsoleSecurityConfiguration.OVERDUE_READERS);
    }

    public boolean jobs() {
        return any(ConsoleSecurityConfiguration.JOB_READERS);
    }

    public boolean relief() {
        return any(ConsoleSecurityConfiguration.RELIEF_READERS);
    }

    public boolean admin() {
        return roles.contains(Role.ADMIN.name());
    }

    public boolean reports() {
        return any(ConsoleSecurityConfiguration.REPORT_READERS);
    }
}

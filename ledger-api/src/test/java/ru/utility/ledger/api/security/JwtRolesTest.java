package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Roles from the configured claim: a list, a space-separated string, or a dotted path into an object. */
class JwtRolesTest {

    @Test
    void keycloakStyleRealmRolesByADottedPathWithTheNameFromAnotherClaim() {
        JwtRoles roles = new JwtRoles(new JwtProperties("realm_access.roles", "preferred_username"));
        AbstractAuthenticationToken token = roles.convert(jwt(Map.of(
                "realm_access", Map.of("roles", List.of("offline_access", "ROLE_finance", "Auditor")),
                "preferred_username", "olga")));
        assertThat(authorities(token)).containsExactlyInAnyOrder("ROLE_FINANCE", "ROLE_AUDITOR");
        assertThat(token.getName()).isEqualTo("olga");
    }

    @Test
    void aScopeLikeStringAndUnknownNamesAndAMissingClaim() {
        JwtRoles roles = new JwtRoles(new JwtProperties("ledger_roles", "sub"));
        assertThat(authorities(roles.convert(jwt(Map.of("ledger_roles", "metrics admin superuser")))))
                .containsExactlyInAnyOrder("ROLE_METRICS", "ROLE_ADMIN");
        AbstractAuthenticationToken none = roles.convert(jwt(Map.of("roles", List.of("ADMIN"))));
        assertThat(authorities(none)).isEmpty();
        assertThat(none.getName()).isEqualTo("subject-1");
    }

    private static List<String> authorities(AbstractAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2099-01-01T00:00:00Z"));
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}

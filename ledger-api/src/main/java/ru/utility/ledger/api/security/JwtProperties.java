package ru.utility.ledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a bearer token's claims map to the ledger's user. The token is checked by Spring Boot's resource server
 * ({@code spring.security.oauth2.resourceserver.jwt.*}: issuer-uri, jwk-set-uri or public-key-location, and
 * audiences); these say which claims carry the name and the roles.
 *
 * @param rolesClaim a claim holding a list (or a space-separated string) of role names; a dotted path reaches
 *                   into objects, as in Keycloak's {@code realm_access.roles}. Names match {@link Role} ignoring
 *                   case and an optional {@code ROLE_} prefix; others are ignored.
 * @param nameClaim  the claim used as the user's name (in events' metadata and logs)
 */
@ConfigurationProperties("ledger.security.jwt")
public record JwtProperties(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String nameClaim) {
}

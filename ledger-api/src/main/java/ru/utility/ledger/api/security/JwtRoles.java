package ru.utility.ledger.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified JWT to the ledger's roles, read from the configured claim (see {@link JwtProperties}). */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtProperties properties;

    JwtRoles(JwtProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : names(claim(jwt.getClaims(), properties.rolesClaim()))) {
            String role = name.strip().toUpperCase(Locale.ROOT);
            role = role.startsWith("ROLE_") ? role.substring(5) : role;
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + known.name()));
                }
            }
        }
        Object name = jwt.getClaims().get(properties.nameClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name.toString());
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static List<String> names(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().filter(v -> v instanceof String).map(String.class::cast).toList();
        }
        if (value instanceof String text) {
            return List.of(text.split("[\\s,]+"));
        }
        return List.of();
    }
}

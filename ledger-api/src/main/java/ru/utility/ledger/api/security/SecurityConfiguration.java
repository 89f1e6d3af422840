package ru.utility.ledger.api.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** HTTP Basic, stateless; the role matrix for every endpoint lives here and nowhere else. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String ACCOUNTS = "/api/v1/accounts/**";

    /**
     * The API's chain: stateless, HTTP Basic and, when Spring Boot has a JwtDecoder (spring.security.oauth2.
     * resourceserver.jwt.*), JWT bearer tokens beside it. Without sessions or cookies the browser's ambient
     * credential is Basic only; {@link CrossSiteWriteGuard} keeps cross-site forms from using it.
     */
    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, JsonMapper jsonMapper, ObjectProvider<JwtDecoder> jwtDecoder,
                                       JwtProperties jwtProperties) throws Exception {
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(jsonMapper, bearer);
        if (bearer) {
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles(jwtProperties)))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        http.csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteWriteGuard(jsonMapper), CsrfFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        // A scraper's role reads the metrics and nothing else; admins read them too.
                        .requestMatchers(EndpointRequest.to("prometheus")).hasAnyRole(Role.ADMIN.name(),
                                Role.METRICS.name())
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // Issue 4: history, export and integrity are for auditors; operations for admins.
                        .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/events", "/api/v1/accounts/*/events/export",
                                "/api/v1/accounts/*/integrity").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        // Chain anchors: exported and verified by auditors, taken on demand by admins.
                        .requestMatchers(HttpMethod.GET, "/api/v1/anchors", "/api/v1/anchors/**")
                        .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/anchors").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/statement",
                                "/api/v1/accounts/*/reconciliation", "/api/v1/reports/turnover")
                        .hasAnyRole(Role.FINANCE.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/overdue", "/api/v1/restriction-candidates")
                        .hasAnyRole(Role.FINANCE.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/relief-programs/statistics",
                                "/api/v1/relief-programs/*/statistics")
                        .hasAnyRole(Role.FINANCE.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/v1/admin/projections", "/api/v1/admin/projections/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/due-date-corrections").hasRole(Role.ADMIN.name())
                        // The right to erasure (ACCOUNTS below would let an operator in).
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/personal-data/erasure")
                        .hasRole(Role.ADMIN.name())
                        // Writes like charges (ACCOUNTS below would cover them; named so they stay so).
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/charges/*/corrections",
                                "/api/v1/accounts/*/restriction-notices/*/delivery", "/api/v1/accounts/*/household-type")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts", ACCOUNTS).hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/penalty-runs").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/consumption-norms").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/consumption-norms").hasAnyRole(Role.OPERATOR.name(),
                                Role.FINANCE.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/installment-reviews").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/programmes", "/api/v1/programmes/**")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/programmes/**")
                        .hasAnyRole(Role.OPERATOR.name(), Role.FINANCE.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, ACCOUNTS)
                        .hasAnyRole(Role.OPERATOR.name(), Role.FINANCE.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/feed", "/api/v1/feed/**")
                        .hasAnyRole(Role.INTEGRATION.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/billing-runs", "/api/v1/payment-registries")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/jobs/**", "/api/v1/registry-profiles")
                        .hasAnyRole(Role.OPERATOR.name(), Role.FINANCE.name(), Role.ADMIN.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Picked up by Spring Security for every filter chain: a request its firewall refuses gets a problem too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper jsonMapper) {
        return new ProblemSecurityHandlers(jsonMapper, false);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * bcrypt against the configured users, with verified credentials remembered for
     * ledger.security.credential-cache-ttl (at most ledger.security.credential-cache-size users; the cache's
     * figures go to the application's meter registry). The user store is deliberately not a UserDetailsPasswordService:
     * Spring would otherwise "upgrade" every cheap demo hash to cost 10 on first use.
     */
    @Bean
    AuthenticationProvider ledgerAuthentication(LedgerSecurityProperties properties, PasswordEncoder passwordEncoder,
                                                @Value("${ledger.security.credential-cache-ttl:5m}") Duration ttl,
                                                @Value("${ledger.security.credential-cache-size:10000}") int size,
                                                SignInLimiter limiter, ObjectProvider<MeterRegistry> meters) {
        InMemoryUserDetailsManager store = users(properties);
        UserDetailsService users = store::loadUserByUsername;
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwordEncoder);
        CachingAuthenticationProvider verified = new CachingAuthenticationProvider(bcrypt, ttl, size);
        meters.ifAvailable(verified::bindTo);
        return new RateLimitedAuthenticationProvider(verified, limiter);
    }

    /** Shared by every sign-in of the application; a form login calls it through the same provider. */
    @Bean
    SignInLimiter signInLimiter(SignInLimitProperties properties) {
        return new SignInLimiter(properties);
    }

    private static InMemoryUserDetailsManager users(LedgerSecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (LedgerSecurityProperties.User user : properties.users()) {
            String hash = user.passwordHash();
            if (hash == null || hash.isBlank()) {
                throw new IllegalStateException("ledger.security.users: user " + user.name() + " has no password-hash");
            }
            users.add(User.withUsername(user.name())
                    .password(hash.startsWith("{") ? hash : "{bcrypt}" + hash)
                    .roles(names(user.roles()))
                    .build());
        }
        if (properties.demoUsers()) {
            log.warn("DEMO USERS ARE ON: operator, finance, auditor, integration, admin and metrics, each with its name as "
                    + "password. Set ledger.security.demo-users=false and configure ledger.security.users for real use.");
            // Demo-only hashes use the lowest bcrypt cost: they protect nothing, and a cost of 10 would
            // spend ~80 ms of CPU on every request.
            BCryptPasswordEncoder demoEncoder = new BCryptPasswordEncoder(4);
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase();
                if (users.stream().noneMatch(u -> u.getUsername().equals(name))) {
                    users.add(User.withUsername(name).password("{bcrypt}" + demoEncoder.encode(name))
                            .roles(role.name()).build());
                }
            }
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static String[] names(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalStateException("ledger.security.users: every user needs at least one role");
        }
        return roles.stream().map(Role::name).toArray(String[]::new);
    }
}

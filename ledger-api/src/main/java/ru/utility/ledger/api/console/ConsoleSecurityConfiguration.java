package ru.utility.ledger.api.console;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ru.utility.ledger.api.security.Role;

/**
 * The console's own chain: a login form, a session and CSRF tokens, for the same users and roles as the API
 * (whose chain stays HTTP Basic and stateless). The console calls the API's controllers in-process, so the
 * API's role matrix is repeated here for the pages that reach them; every page and form a role may not use
 * is refused here (403), and the templates leave it out.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String[] CONSOLE_ROLES = {Role.OPERATOR.name(), Role.FINANCE.name(), Role.AUDITOR.name(),
            Role.ADMIN.name()};
    static final String[] ACCOUNT_READERS = {Role.OPERATOR.name(), Role.FINANCE.name(), Role.AUDITOR.name()};
    static final String[] STATEMENT_READERS = {Role.FINANCE.name(), Role.AUDITOR.name()};
    static final String[] HISTORY_READERS = {Role.AUDITOR.name()};
    static final String[] OVERDUE_READERS = {Role.FINANCE.name(), Role.AUDITOR.name(), Role.ADMIN.name()};
    static final String[] JOB_READERS = {Role.OPERATOR.name(), Role.FINANCE.name(), Role.ADMIN.name()};
    static final String[] RELIEF_READERS = {Role.OPERATOR.name(), Role.FINANCE.name(), Role.AUDITOR.name()};
    static final String[] REPORT_READERS = {Role.FINANCE.name(), Role.AUDITOR.name()};

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        String operator = Role.OPERATOR.name();
        http.securityMatcher("/console", "/console/**", "/webjars/**")
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/console/login", "/console/assets/**", "/webjars/**").permitAll()
                        .requestMatchers("/console/denied").authenticated()
                        .requestMatchers(HttpMethod.GET, "/console", "/console/").hasAnyRole(CONSOLE_ROLES)
                        .requestMatchers(HttpMethod.POST, "/console/logout").authenticated()
                        .requestMatchers(HttpMethod.POST, "/console/accounts/**").hasRole(operator)
                        .requestMatchers(HttpMethod.GET, "/console/accounts/*/statement.csv")
                        .hasAnyRole(STATEMENT_READERS)
                        .requestMatchers(HttpMethod.GET, "/console/accounts/*/history").hasAnyRole(HISTORY_READERS)
                        .requestMatchers(HttpMethod.GET, "/console/accounts", "/console/accounts/**")
                        .hasAnyRole(ACCOUNT_READERS)
                        .requestMatchers(HttpMethod.GET, "/console/overdue", "/console/overdue/**", "/console/overdue.csv")
                        .hasAnyRole(OVERDUE_READERS)
                        .requestMatchers(HttpMethod.POST, "/console/relief/**").hasRole(operator)
                        .requestMatchers(HttpMethod.GET, "/console/relief", "/console/relief/**")
                        .hasAnyRole(RELIEF_READERS)
                        .requestMatchers(HttpMethod.POST, "/console/jobs/**").hasRole(operator)
                        .requestMatchers(HttpMethod.GET, "/console/jobs", "/console/jobs/**").hasAnyRole(JOB_READERS)
                        .requestMatchers("/console/admin", "/console/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/console/reports", "/console/reports/**")
                        .hasAnyRole(REPORT_READERS)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", true).failureUrl("/console/login?error"))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied"));
        return http.build();
    }
}

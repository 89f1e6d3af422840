package ru.utility.ledger.api.security;

/** What a user may do; see SecurityConfiguration for the endpoint matrix. */
public enum Role {
    /** Writes: accounts, charges, payments, reversals, closures. */
    OPERATOR,
    /** Reads balances, statements and lists. */
    FINANCE,
    /** Reads everything including history; never writes. */
    AUDITOR,
    /** Event feeds for other systems. */
    INTEGRATION,
    /** Operations: metrics, health details, projections. */
    ADMIN,
    /** A metrics scraper (Prometheus): /actuator/prometheus and nothing else. */
    METRICS
}

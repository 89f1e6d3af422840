package ru.utility.ledger.core.api;

public enum AccountStatus {
    OPEN,
    CLOSED
}

package ru.utility.ledger.core.api;

/** What a payment settles: a charge's principal, or the account's accrued late-payment penalties. */
public enum DebtKind { PRINCIPAL, PENALTY }

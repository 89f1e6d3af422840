package ru.utility.ledger.core.api;

public enum PaymentChannel {
    WEB_CABINET,
    MOBILE_APP,
    AUTOPAY,
    BANK_REGISTRY,
    CASH_OFFICE
}

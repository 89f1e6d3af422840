package ru.utility.ledger.core.api;

/**
 * Why money was allocated: {@code RECEIPT} when the payment itself arrived, {@code CREDIT} when an
 * earlier overpayment (or money freed by a reversal) settled debt posted later.
 */
public enum AllocationSource { RECEIPT, CREDIT }

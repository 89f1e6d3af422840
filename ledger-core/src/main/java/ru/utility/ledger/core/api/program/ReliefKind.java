package ru.utility.ledger.core.api.program;

public enum ReliefKind { DEFERRAL, INSTALLMENT, DISCOUNT, COMPENSATION, PENALTY_MORATORIUM, PENALTY_AMNESTY }

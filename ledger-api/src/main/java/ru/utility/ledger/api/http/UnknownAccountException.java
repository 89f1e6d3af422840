package ru.utility.ledger.api.http;

import ru.utility.ledger.core.api.AccountId;

/** The read side has no such account (it may also not have caught up yet with a just-opened one). */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(AccountId accountId) {
        super("account " + accountId.value() + " is not known");
    }
}

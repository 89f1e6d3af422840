package ru.utility.ledger.api.jobs;

import ru.utility.ledger.core.api.account.AccountCommand;

/**
 * One data line of an uploaded file, parsed.
 *
 * @param command     the command the line becomes, or null when the line is bad
 * @param accountId   as written in the line (for the error report), may be null
 * @param reference   the payment id or billing period, for the error report
 * @param errorCode   why the line is bad (BAD_AMOUNT, INVALID_LINE, ...), null for a good line
 * @param amountText  the amount as written, for the control total of a registry (null if missing)
 */
record JobLine(int lineNo, String raw, AccountCommand command, String accountId, String reference,
               String errorCode, String errorReason, String amountText) {

    static JobLine bad(int lineNo, String raw, String accountId, String reference, String code, String reason,
                       String amountText) {
        return new JobLine(lineNo, raw, null, accountId, reference, code, reason, amountText);
    }

    boolean good() {
        return command != null;
    }
}

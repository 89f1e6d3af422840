package ru.utility.ledger.cli;

/** A request that did not get the answer it asked for; carries the exit code a script sees. */
abstract sealed class LedgerException extends RuntimeException {

    LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    abstract int exitCode();

    /** The ledger answered, with a status other than 2xx. */
    static final class Refused extends LedgerException {

        private final Problem problem;

        Refused(Problem problem) {
            super(problem.describe(), null);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }

        @Override
        int exitCode() {
            int status = problem.status();
            if (status == 401 || status == 403 || status == 429) {
                return ExitCodes.AUTH;
            }
            return status >= 500 ? ExitCodes.SERVER_ERROR : ExitCodes.REFUSED;
        }
    }

    /** No answer at all: nothing listening, a timeout, a connection cut mid-way. */
    static final class Unreachable extends LedgerException {

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        int exitCode() {
            return ExitCodes.UNREACHABLE;
        }
    }
}

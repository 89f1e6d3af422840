package ru.utility.ledger.cli;

/**
 * The tool's exit codes, so that a script can tell what went wrong without reading the text. The table in
 * docs/operating/cli.md ("Exit codes") lists the same numbers.
 */
public final class ExitCodes {

    /** Everything asked for was done (for an upload: every line imported). */
    public static final int OK = 0;
    /** Something the tool did not expect, e.g. an output file it could not write. */
    public static final int SOFTWARE = 1;
    /** The command line itself was wrong (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** The job finished, but some lines failed (a penalty run: some accounts were refused). */
    public static final int LINES_FAILED = 3;
    /** The file was refused as a whole (nothing imported), or the job did not complete. */
    public static final int JOB_FAILED = 4;
    /** The ledger refused the request: bad input, unknown account or job, a rule (a 4xx problem). */
    public static final int REFUSED = 5;
    /** Not signed in, wrong password or token, the user's role may not do this, or too many failed sign-ins. */
    public static final int AUTH = 6;
    /** The ledger could not be reached (connection refused, timed out, cut off). */
    public static final int UNREACHABLE = 7;
    /** The ledger answered with a server error (5xx). */
    public static final int SERVER_ERROR = 8;

    private ExitCodes() {
    }
}

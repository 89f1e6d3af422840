package ru.utility.ledger.api.jobs;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import ru.utility.ledger.api.http.FieldError;

/**
 * Lines of an upload, like BufferedReader.readLine (ends at \n, \r\n or \r), but a line longer than the limit
 * refuses the file instead of growing in memory without end, and a NUL character (which PostgreSQL cannot
 * store in text) refuses it too.
 */
final class BoundedLines {

    private final Reader in;
    private final int maxLength;
    private final StringBuilder line = new StringBuilder();
    private int lineNo;
    private int pushedBack = -2;

    BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its terminator, or null at the end of the file. */
    String next() throws IOException {
        line.setLength(0);
        int c = read();
        if (c < 0) {
            return null;
        }
        lineNo++;
        while (c >= 0 && c != '\n' && c != '\r') {
            if (c == 0) {
                throw new FileRejectedException("UNREADABLE_FILE", "line " + lineNo + " holds a NUL character",
                        List.of(new FieldError("line " + lineNo, "holds a NUL character")));
            }
            if (line.length() == maxLength) {
                throw new FileRejectedException("LINE_TOO_LONG", "line " + lineNo + " is longer than " + maxLength
                        + " characters", List.of(new FieldError("line " + lineNo, "is longer than " + maxLength
                        + " characters (ledger.jobs.max-line-length)")));
            }
            line.append((char) c);
            c = read();
        }
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                pushedBack = after;
            }
        }
        return line.toString();
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}

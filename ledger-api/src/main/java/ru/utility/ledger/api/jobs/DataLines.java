package ru.utility.ledger.api.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;

/**
 * The data lines of an upload: decoded strictly in its charset (a byte that is not valid there fails with
 * CharacterCodingException instead of turning into a replacement character), a UTF-8 byte order mark dropped,
 * blank lines, the first {@code headerLines} lines and the last {@code footerLines} non-blank lines left out.
 * Line numbers stay those of the file, so an error report points at the line the bank's file has.
 */
final class DataLines {

    record Line(int number, String text) {
    }

    private final BoundedLines lines;
    private final int headerLines;
    private final int footerLines;
    // The footer is only known at the end: a line is handed out once footerLines non-blank lines follow it.
    private final ArrayDeque<Line> held;
    private int lineNo;

    DataLines(InputStream in, Charset charset, int maxLineLength, int headerLines, int footerLines) {
        this.lines = new BoundedLines(new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16), maxLineLength);
        this.headerLines = headerLines;
        this.footerLines = footerLines;
        this.held = new ArrayDeque<>(footerLines + 1);
    }

    /** The next data line, or null after the last one. */
    Line next() throws IOException {
        String text;
        while ((text = lines.next()) != null) {
            lineNo++;
            if (lineNo == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (lineNo <= headerLines || text.isBlank()) {
                continue;
            }
            held.addLast(new Line(lineNo, text));
            if (held.size() > footerLines) {
                return held.removeFirst();
            }
        }
        return null;
    }
}

package org.sanlian.workbench.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sanlian.workbench.core.check.Issue;

/**
 * Splits CSV text (RFC 4180) into records and remembers where each field starts, so that errors can
 * name {@code file:line:column}. Fields may be quoted; a quote inside a quoted field is doubled;
 * commas, CR and LF inside quotes belong to the field. Records end at CRLF, LF or a lone CR. A
 * byte-order mark at the very start is skipped.
 *
 * <p>Written here rather than taken from a library because we need exact physical line numbers of
 * fields that follow multi-line quoted cells, and the whole thing is small.
 *
 * <p>Two kindnesses beyond the RFC, both because readers trim cells anyway: blanks before an opening
 * quote and after a closing quote are ignored. Everything else that breaks the RFC (a quote inside
 * an unquoted field, text after a closing quote, a quote never closed, bytes that are not UTF-8) is
 * reported to {@code issues} and the record is marked malformed.
 */
final class CsvTokenizer {

    private static final int EOF = -1;

    private final Reader in;
    private final String source;
    private final Consumer<Issue> issues;
    private final char[] buffer = new char[8192];
    private final StringBuilder text = new StringBuilder();
    private int position;
    private int length;
    private int line = 1;
    private boolean started;
    private boolean ended;
    private boolean encodingFailed;
    private final List<CsvField> fields = new ArrayList<>();

    CsvTokenizer(Reader in, String source, Consumer<Issue> issues) {
        this.in = in;
        this.source = source;
        this.issues = issues;
    }

    /** The next record, or null at the end of the input. */
    CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        if (peek() == EOF) {
            return null;
        }
        int recordLine = line;
        // one list for every record: the record keeps its own copy
        fields.clear();
        boolean malformed = false;
        int column = 1;
        while (true) {
            int fieldLine = line;
            String value = null;
            text.setLength(0);
            int c = read();
            while (c == ' ' || c == '\t') {
                text.append((char) c);
                c = read();
            }
            if (c == '"') {
                text.setLength(0);
                boolean closed = readQuoted();
                if (!closed) {
                    if (!encodingFailed) {
                        issues.accept(Issue.of(where(fieldLine, column), "csv.unclosed-quote"));
                    }
                    fields.add(new CsvField(text.toString(), fieldLine, column));
                    return new CsvRecord(recordLine, fields, true);
                }
                c = read();
                while (c == ' ' || c == '\t') {
                    c = read();
                }
                if (!endsField(c)) {
                    issues.accept(Issue.of(where(fieldLine, column), "csv.text-after-quote"));
                    malformed = true;
                    while (!endsField(c)) {
                        c = read();
                    }
                }
            } else {
                value = plainField(c);
                c = value != null ? buffer[position - 1] : c;
                boolean strayQuote = false;
                while (value == null && !endsField(c)) {
                    if (c == '"' && !strayQuote) {
                        issues.accept(Issue.of(where(fieldLine, column), "csv.stray-quote"));
                        strayQuote = true;
                        malformed = true;
                    }
                    text.append((char) c);
                    c = read();
                }
            }
            fields.add(new CsvField(value != null ? value : text.toString(), fieldLine, column));
            if (c == ',') {
                column++;
                continue;
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
            } else if (c == '\n') {
                line++;
            }
            return new CsvRecord(recordLine, fields, malformed || encodingFailed);
        }
    }

    /**
     * The common case read at once: an unquoted field, starting with {@code c} (just read), that
     * ends (comma or line end) within the buffer and holds no quote. Returns its text (after any
     * blanks already in {@code text}) with the ending character read, or null, having read nothing,
     * when the field is not that simple and must be read character by character.
     */
    private String plainField(int c) {
        if (c == EOF) {
            return null;
        }
        int start = position - 1;
        int i = start;
        while (i < length) {
            char ch = buffer[i];
            if (ch == ',' || ch == '\r' || ch == '\n') {
                break;
            }
            if (ch == '"') {
                return null;
            }
            i++;
        }
        if (i == length) {
            return null;
        }
        position = i + 1;
        if (text.length() == 0) {
            return new String(buffer, start, i - start);
        }
        text.append(buffer, start, i - start);
        return text.toString();
    }

    /** Reads a quoted field's content after its opening quote; false when the input ends first. */
    private boolean readQuoted() throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                return false;
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    text.append('"');
                    continue;
                }
                return true;
            }
            text.append((char) c);
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                    text.append('\n');
                }
                line++;
            } else if (c == '\n') {
                line++;
            }
        }
    }

    private static boolean endsField(int c) {
        return c == ',' || c == '\r' || c == '\n' || c == EOF;
    }

    private String where(int atLine, int column) {
        return source + ":" + atLine + ":" + column;
    }

    private int read() throws IOException {
        int c = peek();
        if (c != EOF) {
            position++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (position < length) {
            return buffer[position];
        }
        if (ended) {
            return EOF;
        }
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                ended = true;
                return EOF;
            }
            position = 0;
            length = n;
            return buffer[0];
        } catch (CharacterCodingException e) {
            // Everything before the bad bytes has been handed out, so `line` is where they are.
            issues.accept(e instanceof StrictUtf8Reader.Utf16 ? Issue.of(source + ":" + line, "csv.utf16")
                    : Issue.of(source + ":" + line, "csv.bad-encoding", line));
            encodingFailed = true;
            ended = true;
            return EOF;
        }
    }
}

package org.sanlian.workbench.io.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * The quick way through a data file in the shape every tool writes: the header
 * {@code period,unit,code,value[,note]}, one unquoted record per line, every row sound. It reads
 * the whole file's bytes at once and looks units and codes up by their bytes, without the general
 * reader's objects for every field and cell, and gives exactly the data set the general reader
 * ({@link DataCsvReader}) gives for the same file. At the first thing it does not take (a quote, a
 * blank line, another header, a problem of any kind) it gives up, and the general reader reads the
 * file and says what is wrong and where; so this path never reports anything itself.
 */
final class PlainDataReader {

    /** Larger files are streamed by the general reader instead of held whole. */
    static final int MAX_BYTES = 32 << 20;

    private static final String HEADER = "period,unit,code,value";
    private static final String HEADER_WITH_NOTE = "period,unit,code,value,note";

    private final Scheme scheme;
    private final CodeTable units;
    private final CodeTable codes;
    private final String[] unitCodes;
    private final String[] codeTexts;
    /** Per code index: the input's bounds (infinite when open), whether it is whole, whether it is a count. */
    private final double[] min;
    private final double[] max;
    private final boolean[] integer;
    private final boolean[] count;

    private PlainDataReader(Scheme scheme) {
        this.scheme = scheme;
        List<String> unitList = new ArrayList<>();
        for (Unit u : scheme.units()) {
            unitList.add(u.code());
        }
        List<String> codeList = new ArrayList<>(FigureRows.enterableDataCodes(scheme));
        units = new CodeTable(unitList);
        codes = new CodeTable(codeList);
        unitCodes = unitList.toArray(new String[0]);
        codeTexts = codeList.toArray(new String[0]);
        int n = codeTexts.length;
        min = new double[n];
        max = new double[n];
        integer = new boolean[n];
        count = new boolean[n];
        Map<String, Input> inputs = new HashMap<>();
        scheme.inputs().forEach(i -> inputs.put(i.code(), i));
        List<String> counts = new ArrayList<>();
        scheme.adjustments().stream().map(Adjustment::code).forEach(counts::add);
        scheme.vetoes().stream().map(Veto::code).forEach(counts::add);
        for (int c = 0; c < n; c++) {
            Input input = inputs.get(codeTexts[c]);
            min[c] = input != null && input.min().isPresent() ? input.min().getAsDouble() : Double.NEGATIVE_INFINITY;
            max[c] = input != null && input.max().isPresent() ? input.max().getAsDouble() : Double.POSITIVE_INFINITY;
            integer[c] = input != null && input.integer();
            count[c] = counts.contains(codeTexts[c]);
        }
    }

    /**
     * The data set of a whole data file's bytes, or empty when the file is not in the plain shape or
     * has any problem at all (then the general reader must read it).
     */
    static Optional<DataSet> read(byte[] bytes, Scheme scheme) {
        if (bytes.length > MAX_BYTES || StrictUtf8Reader.looksUtf16(ByteBuffer.wrap(bytes)) || !utf8(bytes)) {
            return Optional.empty();
        }
        List<Observation> rows = new PlainDataReader(scheme).rows(bytes, bytes.length);
        return rows == null ? Optional.empty() : Optional.of(new DataSet(rows));
    }

    /**
     * Whether the bytes are UTF-8 as the general reader demands. The text is then read as bytes: the
     * characters that separate fields and lines are ASCII, which never occurs inside a longer UTF-8
     * sequence.
     */
    private static boolean utf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            return true;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            out.clear();
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                out.clear();
                return !decoder.flush(out).isError();
            }
        }
    }

    /** Every row of the text in order, or null at the first thing this path does not take. */
    private List<Observation> rows(byte[] t, int n) {
        int i = n >= 3 && t[0] == (byte) 0xEF && t[1] == (byte) 0xBB && t[2] == (byte) 0xBF ? 3 : 0;
        int end = i;
        while (end < n && t[end] != '\n' && t[end] != '\r') {
            end++;
        }
        String header = new String(t, i, end - i, StandardCharsets.UTF_8);
        boolean withNote;
        if (header.equals(HEADER_WITH_NOTE)) {
            withNote = true;
        } else if (header.equals(HEADER)) {
            withNote = false;
        } else {
            return null;
        }
        i = nextLine(t, end, n);
        List<Observation> out = new ArrayList<>(Math.max(16, n / 24));
        Map<String, Period> periods = new HashMap<>();
        Map<Period, BitSet> seen = new HashMap<>();
        byte[] lastPeriodText = new byte[0];
        Period period = null;
        BitSet taken = null;
        int width = codeTexts.length;
        while (i >= 0 && i < n) {
            int periodEnd = comma(t, i, n);
            if (periodEnd < 0) {
                return null;
            }
            if (!same(lastPeriodText, t, i, periodEnd)) {
                String text = new String(t, i, periodEnd - i, StandardCharsets.UTF_8);
                Period p = periods.get(text);
                if (p == null) {
                    p = period(text);
                    if (p == null) {
                        return null;
                    }
                    periods.put(text, p);
                }
                period = p;
                lastPeriodText = Arrays.copyOfRange(t, i, periodEnd);
                taken = seen.computeIfAbsent(p, k -> new BitSet());
            }
            int unitStart = periodEnd + 1;
            int unitEnd = comma(t, unitStart, n);
            if (unitEnd < 0) {
                return null;
            }
            int unit = units.find(t, unitStart, unitEnd);
            int codeStart = unitEnd + 1;
            int codeEnd = comma(t, codeStart, n);
            if (unit < 0 || codeEnd < 0) {
                return null;
            }
            int code = codes.find(t, codeStart, codeEnd);
            int valueStart = codeEnd + 1;
            int valueEnd = withNote ? comma(t, valueStart, n) : lineEnd(t, valueStart, n);
            if (code < 0 || valueEnd < 0) {
                return null;
            }
            OptionalDouble value = OptionalDouble.empty();
            if (valueEnd > valueStart) {
                double v = number(t, valueStart, valueEnd);
                if (Double.isNaN(v) || Double.isInfinite(v) || v < min[code] || v > max[code]
                        || integer[code] && v != Math.rint(v) || count[code] && v < 0) {
                    return null;
                }
                value = OptionalDouble.of(v);
            }
            String note = "";
            int lineEnd = valueEnd;
            if (withNote) {
                int noteStart = valueEnd + 1;
                lineEnd = lineEnd(t, noteStart, n);
                if (lineEnd < 0) {
                    return null;
                }
                if (lineEnd > noteStart) {
                    note = new String(t, noteStart, lineEnd - noteStart, StandardCharsets.UTF_8).strip();
                }
            }
            int key = unit * width + code;
            if (taken.get(key)) {
                return null;
            }
            taken.set(key);
            out.add(new Observation(period, unitCodes[unit], codeTexts[code], value, note));
            i = nextLine(t, lineEnd, n);
        }
        return i < 0 ? null : out;
    }

    /** The period a cell names, when it is one of the scheme's kind written without blanks around it; else null. */
    private Period period(String text) {
        if (text.isEmpty() || !text.equals(text.strip())) {
            return null;
        }
        Optional<Period> p;
        try {
            p = Period.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return p.isPresent() && p.get().kind() == scheme.periodKind() ? p.get() : null;
    }

    /** The index of the comma that ends the field starting at {@code from}, or -1 when the line ends first or has a quote. */
    private static int comma(byte[] t, int from, int n) {
        for (int i = from; i < n; i++) {
            byte c = t[i];
            if (c == ',') {
                return i;
            }
            if (c == '\n' || c == '\r' || c == '"') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The index of the line end (or the text's end) after the last field starting at {@code from},
     * or -1 when the field holds a comma (a field too many) or a quote.
     */
    private static int lineEnd(byte[] t, int from, int n) {
        int i = from;
        for (; i < n; i++) {
            byte c = t[i];
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == ',' || c == '"') {
                return -1;
            }
        }
        return i;
    }

    /** Where the next line starts after the line end at {@code end}: LF or CRLF; -1 for a lone CR or a blank line. */
    private static int nextLine(byte[] t, int end, int n) {
        if (end >= n) {
            return n;
        }
        int next;
        if (t[end] == '\n') {
            next = end + 1;
        } else if (end + 1 < n && t[end + 1] == '\n') {
            next = end + 2;
        } else {
            return -1;
        }
        if (next < n && (t[next] == '\n' || t[next] == '\r')) {
            return -1;
        }
        return next;
    }

    private static boolean same(byte[] text, byte[] t, int from, int to) {
        if (text.length != to - from) {
            return false;
        }
        for (int k = 0; k < text.length; k++) {
            if (text[k] != t[from + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of a value cell as {@link DataCsvReader#strictValue} reads it, NaN when it is none:
     * its quick case again, on the bytes (making a string of each of a large file's figures first
     * cost more than the rest of the row), and the rare other numbers through it.
     */
    private static double number(byte[] t, int from, int to) {
        int i = from;
        boolean negative = false;
        if (t[i] == '+' || t[i] == '-') {
            negative = t[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            byte c = t[i];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i == to && digits > 0 && digits <= 15 && fraction != 0) {
            double v = fraction > 0 ? m / DataCsvReader.POWERS_OF_TEN[fraction] : m;
            return negative ? -v : v;
        }
        return DataCsvReader.strictValue(new String(t, from, to - from, StandardCharsets.UTF_8));
    }

    /** Codes found by their UTF-8 bytes in the text (open addressing), without a string per look-up. */
    static final class CodeTable {
        private final byte[][] keys;
        private final int[] index;
        private final int mask;

        CodeTable(List<String> codes) {
            int size = Integer.highestOneBit(Math.max(4, codes.size() * 2)) << 1;
            keys = new byte[size][];
            index = new int[size];
            mask = size - 1;
            for (int i = 0; i < codes.size(); i++) {
                byte[] code = codes.get(i).getBytes(StandardCharsets.UTF_8);
                int k = spread(hash(code, 0, code.length)) & mask;
                while (keys[k] != null && !Arrays.equals(keys[k], code)) {
                    k = (k + 1) & mask;
                }
                if (keys[k] == null) {
                    keys[k] = code;
                    index[k] = i;
                }
            }
        }

        /** The position of the code whose bytes are {@code t[from, to)} in the list given, or -1. */
        int find(byte[] t, int from, int to) {
            for (int k = spread(hash(t, from, to)) & mask; ; k = (k + 1) & mask) {
                byte[] key = keys[k];
                if (key == null) {
                    return -1;
                }
                if (matches(key, t, from, to)) {
                    return index[k];
                }
            }
        }

        private static int hash(byte[] t, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + t[i];
            }
            return h;
        }

        private static boolean matches(byte[] key, byte[] t, int from, int to) {
            if (key.length != to - from) {
                return false;
            }
            for (int i = 0; i < key.length; i++) {
                if (key[i] != t[from + i]) {
                    return false;
                }
            }
            return true;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }
}

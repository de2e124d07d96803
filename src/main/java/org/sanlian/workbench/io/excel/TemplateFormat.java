package org.sanlian.workbench.io.excel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fill-in template's fixed layout (version 1) and its signature. Both the writer and the
 * reader take every position from here, so they cannot drift apart.
 *
 * <p>The data sheet: title in row 1, the unit (name in B2, code in {@link #UNIT_CELL}), the period
 * ({@link #PERIOD_CELL}) and the scheme in rows 2 and 3, a line of guidance in row 4, the header in
 * row 5 and one row per item from row 6: number, code, name, unit of measure, last period's value,
 * this period's value (editable), what is allowed, note (editable).
 *
 * <p>The metadata sheet {@link #META_SHEET} is very hidden (Excel's window cannot show it) and
 * holds, as text, in column B of rows 1 to 8: the format, unit, period, scheme code, scheme year,
 * data sheet name, number of items and the signature; from row 11 one row per item: code, value
 * cell and note cell. The signature is HMAC-SHA256, under the database's template key, over
 * everything in it but the signature itself (see {@link #signedText}).
 */
public final class TemplateFormat {

    /** The format written in the metadata; a later layout gets a new one. */
    public static final String FORMAT = "sanlian-template/1";
    /** The very hidden sheet with the metadata. */
    public static final String META_SHEET = "_sanlian";

    // metadata rows (0-based) of the key/value part, value in column B
    static final int META_FORMAT = 0;
    static final int META_UNIT = 1;
    static final int META_PERIOD = 2;
    static final int META_SCHEME = 3;
    static final int META_SCHEME_YEAR = 4;
    static final int META_SHEET_NAME = 5;
    static final int META_ITEMS = 6;
    static final int META_SIGNATURE = 7;
    static final int META_GENERATED = 8;
    static final String[] META_KEYS = {"format", "unit", "period", "scheme", "schemeYear", "sheet", "items",
        "signature", "generated"};
    /** The first layout row (0-based) of the metadata sheet: code, value cell, note cell. */
    static final int META_LAYOUT_ROW = 10;

    // the data sheet (0-based rows and columns)
    static final int TITLE_ROW = 0;
    static final String UNIT_CELL = "E2";
    static final String PERIOD_CELL = "B3";
    static final int GUIDE_ROW = 3;
    static final int HEADER_ROW = 4;
    static final int FIRST_ITEM_ROW = 5;
    static final int COL_NUMBER = 0;
    static final int COL_CODE = 1;
    static final int COL_NAME = 2;
    static final int COL_MEASURE = 3;
    static final int COL_PREVIOUS = 4;
    static final int COL_VALUE = 5;
    static final int COL_RULE = 6;
    static final int COL_NOTE = 7;
    static final int COLUMNS = 8;

    private static final String HMAC = "HmacSHA256";

    private TemplateFormat() {
    }

    /** One item of the layout: a code and the cells that take its value and its note (A1 style). */
    public record Slot(String code, String valueCell, String noteCell) {
    }

    /** What a template is for and where its items are; what the signature covers. */
    public record Identity(String unit, String period, String schemeCode, int schemeYear, String sheet,
                           List<Slot> slots) {
        public Identity {
            slots = List.copyOf(slots);
        }
    }

    /** The layout of {@code codes}: one row each from {@link #FIRST_ITEM_ROW}, value in F, note in H. */
    static List<Slot> layout(List<String> codes) {
        return java.util.stream.IntStream.range(0, codes.size())
                .mapToObj(i -> new Slot(codes.get(i), cell(FIRST_ITEM_ROW + i, COL_VALUE),
                        cell(FIRST_ITEM_ROW + i, COL_NOTE)))
                .toList();
    }

    static String cell(int row, int column) {
        return new org.apache.poi.ss.util.CellReference(row, column).formatAsString();
    }

    /**
     * The exact text signed: the format, then each field as {@code name=length:value} on its own
     * line (the length makes it unambiguous whatever a value holds), then each slot likewise.
     */
    static String signedText(Identity id) {
        StringBuilder s = new StringBuilder(FORMAT).append('\n');
        field(s, "unit", id.unit());
        field(s, "period", id.period());
        field(s, "scheme", id.schemeCode());
        field(s, "schemeYear", Integer.toString(id.schemeYear()));
        field(s, "sheet", id.sheet());
        field(s, "items", Integer.toString(id.slots().size()));
        for (Slot slot : id.slots()) {
            field(s, "code", slot.code());
            field(s, "value", slot.valueCell());
            field(s, "note", slot.noteCell());
        }
        return s.toString();
    }

    private static void field(StringBuilder s, String name, String value) {
        s.append(name).append('=').append(value.length()).append(':').append(value).append('\n');
    }

    /** The signature of a template: HMAC-SHA256 of {@link #signedText} under {@code key}, as hex. */
    public static String sign(Identity id, byte[] key) {
        return HexFormat.of().formatHex(mac(key, signedText(id)));
    }

    /** Whether {@code signature} is the one {@code key} gives (compared in constant time). */
    static boolean verify(Identity id, String signature, byte[] key) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(key, signedText(id)));
    }

    /**
     * The sheet protection password, derived from the key. Protection only keeps people from
     * changing the wrong cells by accident; the signature and the reader's checks are what refuse
     * an altered template.
     */
    static String protectionPassword(byte[] key) {
        return HexFormat.of().formatHex(mac(key, "sheet-protection")).substring(0, 16);
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

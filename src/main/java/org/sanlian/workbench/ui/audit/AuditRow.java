package org.sanlian.workbench.ui.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.i18n.Messages;

/**
 * One line of the audit log as the 审计日志 table shows it: the local time, who, what kind of record
 * and what was done to it in words, where, and the old and new value (the figure's value alone when
 * the line carries one, else its fields), with the note and source the change brought.
 */
public record AuditRow(AuditEntry entry, String time, String kind, String action, String unit, String unitName,
                       String period, String code, String oldValue, String newValue, String note) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public AuditRow {
        Objects.requireNonNull(entry, "entry");
    }

    public String operator() {
        return entry.operator();
    }

    /** The unit as the table shows it: its name and code, or the code alone when its name is not known. */
    public String unitText() {
        return unitName.isEmpty() || unitName.equals(unit) ? unit : unitName + " " + unit;
    }

    /** The line as shown in {@code zone}, without units' names. */
    public static AuditRow of(AuditEntry e, ZoneId zone) {
        return of(e, zone, Map.of());
    }

    /** The line as shown in {@code zone}; {@code names} gives units' names by code. */
    public static AuditRow of(AuditEntry e, ZoneId zone, Map<String, String> names) {
        Map<String, String> before = fields(e.oldValue().orElse(""));
        Map<String, String> after = fields(e.newValue().orElse(""));
        Map<String, String> last = after.isEmpty() ? before : after;
        List<String> notes = new ArrayList<>();
        if (!last.getOrDefault("note", "").isBlank()) {
            notes.add(last.get("note"));
        }
        if (!last.getOrDefault("source", "").isBlank()) {
            notes.add(text("ui.audit.source", last.get("source")));
        }
        String unit = e.unit().orElse("");
        return new AuditRow(e, localTime(e.at(), zone), kind(e.entity()), action(e.action()), unit,
                names.getOrDefault(unit, ""), e.period().orElse(""), e.code().orElse(""), value(before), value(after), String.join(" · ", notes));
    }

    /** The time in {@code zone}, {@code yyyy-MM-dd HH:mm:ss}; the stored text when it is not an instant. */
    static String localTime(String at, ZoneId zone) {
        try {
            return TIME.format(Instant.parse(at).atZone(zone));
        } catch (DateTimeParseException e) {
            return at;
        }
    }

    /** The kind of record in words (数据, 目标 ...); the stored name when the bundle has none. */
    public static String kind(String entity) {
        String key = "ui.audit.entity." + entity;
        return Messages.get().has(key) ? text(key) : entity;
    }

    /** 新增, 修改 or 删除. */
    public static String action(String action) {
        String key = "ui.audit.action." + action;
        return Messages.get().has(key) ? text(key) : action;
    }

    /** A value as shown: the {@code value} field when there is one, else every field but note and source. */
    static String value(Map<String, String> fields) {
        if (fields.containsKey("value")) {
            return fields.get("value");
        }
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (!k.equals("note") && !k.equals("source")) {
                parts.add(k + "=" + v);
            }
        });
        return String.join(", ", parts);
    }

    /**
     * The fields of a flat JSON object as the audit triggers write it (strings, numbers, null); a
     * value that is not such an object comes back whole under {@code value}.
     */
    static Map<String, String> fields(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = json.strip();
        if (s.isEmpty()) {
            return out;
        }
        if (!s.startsWith("{") || !s.endsWith("}")) {
            out.put("value", s);
            return out;
        }
        int[] at = {1};
        try {
            while (true) {
                skipBlank(s, at);
                if (s.charAt(at[0]) == '}') {
                    return out;
                }
                String key = string(s, at);
                skipBlank(s, at);
                expect(s, at, ':');
                skipBlank(s, at);
                String value;
                if (s.charAt(at[0]) == '"') {
                    value = string(s, at);
                } else {
                    int start = at[0];
                    while (",}".indexOf(s.charAt(at[0])) < 0) {
                        at[0]++;
                    }
                    value = s.substring(start, at[0]).strip();
                    value = value.equals("null") ? "" : plain(value);
                }
                out.put(key, value);
                skipBlank(s, at);
                if (s.charAt(at[0]) == ',') {
                    at[0]++;
                }
            }
        } catch (RuntimeException e) {
            Map<String, String> whole = new LinkedHashMap<>();
            whole.put("value", s);
            return whole;
        }
    }

    /** {@code 12.0} as {@code 12}: SQLite writes REAL values with a trailing {@code .0}. */
    private static String plain(String number) {
        return number.matches("-?\\d+\\.0") ? number.substring(0, number.length() - 2) : number;
    }

    private static void skipBlank(String s, int[] at) {
        while (Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static void expect(String s, int[] at, char c) {
        if (s.charAt(at[0]) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at[0]++;
    }

    private static String string(String s, int[] at) {
        expect(s, at, '"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(at[0]++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(at[0]++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> b.append(e);
            }
        }
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.core.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Period;

/**
 * The SHA-256 (lower-case hex) of a report's content, for a workbook made from live figures: the
 * scheme's code, name, dimensions and leaves, the period, date, issuer, simulated mark, sources,
 * trend periods and every number of every row, in a fixed binary layout (big-endian numbers, texts as
 * UTF-8 with their length). Two reports with the same figures give the same digest; a few tens of
 * milliseconds for 3,000 units x 120 indicators. A published bulletin's workbook shows the bulletin's
 * own content hash instead.
 */
public final class ReportDigest {

    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    private ReportDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256(MeetingReport report) {
        ReportDigest d = new ReportDigest();
        d.text(report.scheme().code());
        d.text(report.scheme().name());
        for (Dimension dim : report.scheme().dimensions()) {
            d.text(dim.code());
        }
        for (Indicator i : report.scheme().leaves()) {
            d.text(i.code());
            d.number(i.weight());
        }
        d.text(report.period().toString());
        d.text(report.bulletin().orElse(""));
        d.text(report.issuedOn().toString());
        d.text(report.issuer());
        d.integer(report.simulated() ? 1 : 0);
        for (String s : report.sources()) {
            d.text(s);
        }
        for (Period p : report.trendPeriods()) {
            d.text(p.toString());
        }
        for (ReportRow r : report.rows()) {
            d.text(r.unit());
            d.text(r.zone());
            d.number(r.total());
            d.integer(r.rank());
            d.integer(r.zoneRank());
            d.integer(r.rankChange().orElse(Integer.MIN_VALUE));
            d.integer(r.vetoed() ? 1 : 0);
            d.number(r.bonus());
            d.number(r.penalty());
            d.numbers(r.subtotals());
            d.numbers(r.values());
            d.numbers(r.scores());
            d.numbers(r.trendTotals());
            d.integer(r.trendRanks().length);
            for (int rank : r.trendRanks()) {
                d.integer(rank);
            }
            d.text(r.bottom().map(b -> b.level() + ":" + b.rules() + ":" + b.weakest()).orElse(""));
        }
        d.drain();
        return HexFormat.of().formatHex(d.digest.digest());
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            drain();
        }
    }

    private void drain() {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        integer(b.length);
        if (b.length > buffer.capacity()) {
            drain();
            digest.update(b);
            return;
        }
        room(b.length);
        buffer.put(b);
    }

    private void integer(int v) {
        room(4);
        buffer.putInt(v);
    }

    private void number(double v) {
        room(8);
        buffer.putDouble(v);
    }

    private void numbers(double[] values) {
        integer(values.length);
        for (double v : values) {
            number(v);
        }
    }
}

package org.sanlian.workbench.core.report;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Period;

/**
 * The SHA-256 (lower-case hex) of a report's content, for a workbook made from live figures: the
 * scheme's code, name, dimensions and leaves, the period, date, issuer, simulated mark, sources,
 * trend periods and every number of every row, in a fixed binary layout. Two reports with the same
 * figures give the same digest; cheap enough for 3,000 units x 120 indicators (a few milliseconds).
 * A published bulletin's workbook shows the bulletin's own content hash instead.
 */
public final class ReportDigest {

    private ReportDigest() {
    }

    public static String sha256(MeetingReport report) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
            out.writeUTF(report.scheme().code());
            out.writeUTF(report.scheme().name());
            for (Dimension d : report.scheme().dimensions()) {
                out.writeUTF(d.code());
            }
            for (Indicator i : report.scheme().leaves()) {
                out.writeUTF(i.code());
                out.writeDouble(i.weight());
            }
            out.writeUTF(report.period().toString());
            out.writeUTF(report.bulletin().orElse(""));
            out.writeUTF(report.issuedOn().toString());
            out.writeUTF(report.issuer());
            out.writeBoolean(report.simulated());
            for (String s : report.sources()) {
                out.writeUTF(s);
            }
            for (Period p : report.trendPeriods()) {
                out.writeUTF(p.toString());
            }
            for (ReportRow r : report.rows()) {
                out.writeUTF(r.unit());
                out.writeUTF(r.zone());
                out.writeDouble(r.total());
                out.writeInt(r.rank());
                out.writeInt(r.zoneRank());
                out.writeInt(r.rankChange().orElse(Integer.MIN_VALUE));
                out.writeBoolean(r.vetoed());
                out.writeDouble(r.bonus());
                out.writeDouble(r.penalty());
                doubles(out, r.subtotals());
                doubles(out, r.values());
                doubles(out, r.scores());
                doubles(out, r.trendTotals());
                for (int rank : r.trendRanks()) {
                    out.writeInt(rank);
                }
                out.writeUTF(r.bottom().map(b -> b.level() + ":" + b.rules() + ":" + b.weakest()).orElse(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void doubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }
}

package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.check.Issue;

class CsvTokenizerTest {

    private final List<Issue> issues = new ArrayList<>();

    private List<CsvRecord> records(String text) throws IOException {
        CsvTokenizer t = new CsvTokenizer(new StringReader(text), "f.csv", issues::add);
        List<CsvRecord> out = new ArrayList<>();
        for (CsvRecord r = t.next(); r != null; r = t.next()) {
            out.add(r);
        }
        return out;
    }

    private static List<String> texts(CsvRecord r) {
        return r.fields().stream().map(CsvField::text).toList();
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> rs = records("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"x\ny\r\nz\",2,\n3");
        assertThat(rs).hasSize(3);
        assertThat(texts(rs.get(0))).containsExactly("a", "b,1", "say \"hi\"");
        assertThat(texts(rs.get(1))).containsExactly("x\ny\r\nz", "2", "");
        assertThat(texts(rs.get(2))).containsExactly("3");
        assertThat(issues).isEmpty();
    }

    @Test
    void fieldsKnowTheirPhysicalLineAndColumnAfterMultiLineCells() throws IOException {
        List<CsvRecord> rs = records("h1,h2,h3\n1,\"two\nlines\",3\n4,5,6\n");
        assertThat(rs.get(1).line()).isEqualTo(2);
        assertThat(rs.get(1).fields().get(2).line()).isEqualTo(3);
        assertThat(rs.get(1).fields().get(2).column()).isEqualTo(3);
        assertThat(rs.get(2).line()).isEqualTo(4);
        assertThat(rs.get(2).fields().get(1).column()).isEqualTo(2);
    }

    @Test
    void crLfLfAndLoneCrAllEndARecord() throws IOException {
        List<CsvRecord> rs = records("a\r\nb\nc\rd");
        assertThat(rs).extracting(CsvRecord::line).containsExactly(1, 2, 3, 4);
        assertThat(rs).extracting(r -> r.fields().get(0).text()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() throws IOException {
        assertThat(texts(records("\uFEFFperiod,unit").get(0))).containsExactly("period", "unit");
    }

    @Test
    void blanksAroundQuotedFieldsAreTolerated() throws IOException {
        assertThat(texts(records("a, \"b,c\" ,d").get(0))).containsExactly("a", "b,c", "d");
        assertThat(issues).isEmpty();
    }

    @Test
    void brokenQuotingIsReportedWhereTheFieldStarts() throws IOException {
        List<CsvRecord> rs = records("a,b\"c,d\n\"x\"y,z\n1,\"open\nnever closed");
        assertThat(rs).extracting(CsvRecord::malformed).containsExactly(true, true, true);
        assertThat(issues).extracting(Issue::where, Issue::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("f.csv:1:2", "csv.stray-quote"),
                org.assertj.core.groups.Tuple.tuple("f.csv:2:1", "csv.text-after-quote"),
                org.assertj.core.groups.Tuple.tuple("f.csv:3:2", "csv.unclosed-quote"));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirLine() throws IOException {
        byte[] head = "a,b\n\u7532,\u4e59\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = {'x', ',', (byte) 0xBC, (byte) 0xD7, ',', '1', '\n'};
        byte[] all = new byte[head.length + gbk.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(gbk, 0, all, head.length, gbk.length);
        CsvTokenizer t = new CsvTokenizer(new StrictUtf8Reader(new ByteArrayInputStream(all)), "f.csv", issues::add);
        assertThat(texts(t.next())).containsExactly("a", "b");
        assertThat(texts(t.next())).containsExactly("甲", "乙");
        CsvRecord broken = t.next();
        assertThat(broken.malformed()).isTrue();
        assertThat(t.next()).isNull();
        assertThat(issues).extracting(Issue::where, Issue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("f.csv:3", "csv.bad-encoding"));
    }
}

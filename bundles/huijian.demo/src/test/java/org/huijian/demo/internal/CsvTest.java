package org.huijian.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void splitsTrimsAndKeepsEmptyFields() {
        assertEquals(List.of("a", "b", "", ""), Csv.split(" a , b ,, "));
        assertEquals(List.of(""), Csv.split(""));
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertEquals(List.of("a, b", "say \"hi\"", "c"), Csv.split("\"a, b\", \"say \"\"hi\"\"\" ,c"));
        assertThrows(IllegalArgumentException.class, () -> Csv.split("\"open, field"));
        assertThrows(IllegalArgumentException.class, () -> Csv.split("\"closed\"x,y"));
    }

    @Test
    void readsRowsByColumnSkippingCommentsAndAByteOrderMark() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Csv.Row> rows = Csv.read("t.csv", new StringReader("\uFEFF# comment\n\ncode,name\nA,甲\n  # indented\nB,乙,extra\nC,丙\n"),
                List.of("code", "name"), problems);
        assertEquals(List.of("A", "C"), rows.stream().map(r -> r.get("code")).toList());
        assertEquals("t.csv:7", rows.get(1).where());
        assertEquals(List.of("t.csv:6: has 3 fields; the header has 2"), problems);
    }

    @Test
    void aMissingColumnOrHeaderIsAProblem() throws IOException {
        List<String> problems = new ArrayList<>();
        Csv.read("a.csv", new StringReader("code\nA\n"), List.of("code", "name"), problems);
        Csv.read("b.csv", new StringReader("# only comments\n"), List.of("code"), problems);
        assertEquals(List.of("a.csv:1: missing column(s) name", "b.csv: has no header line"), problems);
    }
}

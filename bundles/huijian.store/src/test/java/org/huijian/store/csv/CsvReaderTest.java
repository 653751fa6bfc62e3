package org.huijian.store.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 records, with the line each starts on. */
class CsvReaderTest {

    private static List<CsvReader.Record> all(String text) {
        CsvReader reader = new CsvReader(text);
        List<CsvReader.Record> records = new ArrayList<>();
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void anyLineEndEndsARecordAndCountsOneLine() {
        List<CsvReader.Record> r = all("a,b\r\nc,d\re,f\ng,h");
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h")),
                r.stream().map(CsvReader.Record::fields).toList());
        assertEquals(List.of(1, 2, 3, 4), r.stream().map(CsvReader.Record::line).toList());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndTheNextRecordKnowsItsLine() {
        List<CsvReader.Record> r = all("\"a, b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nnext,  spaced  ,\n");
        assertEquals(List.of("a, b", "say \"hi\"", "two\nlines"), r.get(0).fields());
        assertEquals(List.of("next", "spaced", ""), r.get(1).fields(), "unquoted fields are trimmed; a trailing comma "
                + "is an empty field");
        assertEquals(3, r.get(1).line());
        assertEquals(2, r.size());
    }

    @Test
    void blankLinesAreBlankRecords() {
        List<CsvReader.Record> r = all("a\n\n,,\nb");
        assertEquals(List.of(false, true, true, false), r.stream().map(CsvReader.Record::blank).toList());
        assertEquals(4, r.get(3).line());
    }

    @Test
    void badQuotingIsReportedWithTheLine() {
        List<CsvReader.Record> r = all("x,\"ab\"cd,y\nok\n");
        assertEquals("field 2 has text after its closing quote", r.get(0).problem());
        assertEquals(List.of("x", "abcd", "y"), r.get(0).fields());
        assertNull(r.get(1).problem());
        List<CsvReader.Record> open = all("ok\nx,\"never\nclosed,y\nz\n");
        assertEquals(2, open.size());
        assertEquals("the quoted field that starts on line 2 is never closed (a \" is missing)", open.get(1).problem());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsJustACharacter() {
        assertEquals(List.of("5'10\"", "b"), all("5'10\",b").get(0).fields());
    }
}

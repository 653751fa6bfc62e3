package org.huijian.driver.ipp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.huijian.printing.spi.PrintJobState;
import org.junit.jupiter.api.Test;

/** The IPP encoding (RFC 8010 §3) against bytes written by hand from the RFC's example. */
class IppTest {

    @Test
    void printJobRequestIsEncodedAsTheRfcSays() {
        byte[] encoded = new Ipp.Request(Ipp.PRINT_JOB, 1)
                .string(Ipp.URI, "printer-uri", "ipp://h/p")
                .group(Ipp.JOB_ATTRIBUTES).integer(Ipp.INTEGER, "copies", 2).encode();
        byte[] head = { 1, 1, 0, 2, 0, 0, 0, 1, 0x01 };
        assertArrayEquals(head, Arrays.copyOf(encoded, head.length));
        // ... attributes-charset utf-8, attributes-natural-language en, printer-uri, then the job group
        byte[] tail = { 0x02, 0x21, 0, 6, 'c', 'o', 'p', 'i', 'e', 's', 0, 4, 0, 0, 0, 2, 0x03 };
        assertArrayEquals(tail, Arrays.copyOfRange(encoded, encoded.length - tail.length, encoded.length));
    }

    @Test
    void decodesWhatItEncodesWithSetsAndSkipsCollections() throws IOException {
        byte[] request = new Ipp.Request(Ipp.GET_JOB_ATTRIBUTES, 7)
                .string(Ipp.KEYWORD, "requested-attributes", "job-state", "job-state-reasons")
                .group(Ipp.JOB_ATTRIBUTES).integer(Ipp.ENUM, "job-state", 9).encode();
        Ipp.Message m = Ipp.decode(new ByteArrayInputStream(request));
        assertEquals(0x0101, m.version());
        assertEquals(Ipp.GET_JOB_ATTRIBUTES, m.code());
        assertEquals(7, m.requestId());
        assertEquals("utf-8", m.string(Ipp.OPERATION_ATTRIBUTES, "attributes-charset").orElseThrow());
        assertEquals(List.of("job-state", "job-state-reasons"),
                m.strings(Ipp.OPERATION_ATTRIBUTES, "requested-attributes"));
        assertEquals(9, m.integer(Ipp.JOB_ATTRIBUTES, "job-state").orElseThrow());

        byte[] withCollection = { 1, 1, 0, 0, 0, 0, 0, 1, 0x04,
            0x34, 0, 5, 'm', 'e', 'd', 'i', 'a', 0, 0, // begCollection "media"
            0x4A, 0, 0, 0, 1, 'x', // memberAttrName "x"
            0x21, 0, 0, 0, 4, 0, 0, 0, 1, // its value
            0x37, 0, 0, 0, 0, // endCollection
            0x22, 0, 3, 'a', 'c', 'c', 0, 1, 1, // boolean acc = true
            0x35, 0, 1, 'm', 0, 9, 0, 2, 'e', 'n', 0, 3, 'h', 'i', '!', // textWithLanguage
            0x03 };
        Ipp.Message c = Ipp.decode(new ByteArrayInputStream(withCollection));
        assertEquals(2, c.attributes().size(), c.attributes().toString());
        assertEquals(true, c.bool(Ipp.PRINTER_ATTRIBUTES, "acc").orElseThrow());
        assertEquals("hi!", c.string(Ipp.PRINTER_ATTRIBUTES, "m").orElseThrow());
    }

    @Test
    void truncatedAnswersAreErrors() {
        byte[] truncated = { 1, 1, 0, 0, 0, 0, 0, 1, 0x01, 0x47, 0, 18, 'a' };
        assertThrows(IOException.class, () -> Ipp.decode(new ByteArrayInputStream(truncated)));
    }

    @Test
    void statusNamesAndStates() {
        assertEquals("client-error-not-found", Ipp.statusName(0x0406));
        assertEquals("status-0x0999", Ipp.statusName(0x0999));
        assertEquals(PrintJobState.PENDING, IppPrinter.state(4));
        assertEquals(PrintJobState.PROCESSING, IppPrinter.state(6));
        assertEquals(PrintJobState.COMPLETED, IppPrinter.state(9));
        assertEquals(PrintJobState.ABORTED, IppPrinter.state(8));
        assertEquals(PrintJobState.CANCELED, IppPrinter.state(7));
    }

    @Test
    void configurationIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new IppPrinter(
                CupsPrintTest.config("x", "lpd://h/q", "application/pdf", 1000, 1000)));
        assertThrows(IllegalArgumentException.class, () -> new IppPrinter(
                CupsPrintTest.config("x", "ipp://h/q", "application/pdf", 0, 1000)));
        IppPrinter p = new IppPrinter(CupsPrintTest.config("x", "ipps://printer.example/ipp/print",
                "application/pdf", 1000, 1000));
        assertEquals("ipps://printer.example:631/ipp/print", p.printerUri());
    }
}

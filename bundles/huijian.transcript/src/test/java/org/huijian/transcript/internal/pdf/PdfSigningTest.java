package org.huijian.transcript.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSigningTest {

    /** The server signs after the key was made (the verification checks the certificate was valid then). */
    private static final Instant SIGNED_AT = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path dir;

    private static TranscriptPdf renderer;
    private static PdfSigning signing;
    private static PdfContent content;
    private static byte[] unsigned;
    private static byte[] signed;

    @BeforeAll
    static void signOnce() throws IOException {
        renderer = new TranscriptPdf(PdfFixtures.FONT);
        signing = PdfSigning.loadOrCreate(dir.resolve("keys/transcript.p12"), dir.resolve("keys/transcript.pass"),
                "某市第一看守所 Huijian");
        content = PdfFixtures.transcript(12, PdfFixtures.signaturePng());
        unsigned = renderer.render(content);
        signed = signing.sign(unsigned, "会见笔录定稿", "某市第一看守所", SIGNED_AT);
    }

    @Test
    void signedTranscriptVerifiesAndIsStillPdfA() throws Exception {
        Verification v = signing.verify(signed);
        assertTrue(v.valid(), "problems: " + v.problems());
        assertTrue(v.coversWholeDocument());
        assertTrue(v.signedByThisServer());
        assertEquals("某市第一看守所 Huijian", v.signer());
        assertEquals(SIGNED_AT, v.signingTime());
        assertEquals(renderer.contentHash(content), v.footerHash());
        assertTrue(v.footerMatches(renderer.contentHash(content)));
        assertEquals(List.of(), v.problems());

        List<String> failures = PdfFixtures.pdfaFailures(signed);
        assertTrue(failures.isEmpty(), "veraPDF PDF/A-2u of the signed file: " + failures);
        // the signed file is the unsigned one plus an incremental update
        assertArrayEquals(unsigned, Arrays.copyOf(signed, unsigned.length));
    }

    @Test
    void signatureIsPadesBaselineB() throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
            assertEquals("Adobe.PPKLite", sig.getFilter());
            assertEquals("会见笔录定稿", sig.getReason());
            CMSSignedData cms = new CMSSignedData(sig.getContents(signed));
            assertTrue(cms.isDetachedSignature());
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertTrue(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null);
            assertNull(info.getSignedAttributes().get(CMSAttributes.signingTime), "PAdES: time is in M");
            assertEquals("2.16.840.1.101.3.4.2.1", info.getDigestAlgOID());
        }
    }

    @Test
    void oneByteChangedInTheSignedContentIsDetected() {
        int[] range = byteRange(signed);
        // a byte of page content near the start, one in the middle, one in the incremental update after the gap
        for (int offset : new int[] {unsigned.length / 3, unsigned.length - 200, range[2] + 10}) {
            byte[] changed = signed.clone();
            changed[offset] ^= 0x01;
            Verification v = signing.verify(changed);
            assertFalse(v.valid(), "byte " + offset + " changed: " + v);
            assertFalse(v.problems().isEmpty());
        }
    }

    @Test
    void anyOneByteChangedIsDetected() {
        // 200 random positions over the whole file, signed ranges and signature alike
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            int offset = random.nextInt(signed.length);
            byte[] changed = signed.clone();
            changed[offset] = (byte) (changed[offset] + 1 + random.nextInt(254));
            Verification v = signing.verify(changed);
            assertFalse(v.valid(), "byte " + offset + " changed to " + changed[offset] + ": " + v);
        }
    }

    @Test
    void oneByteChangedInTheSignatureIsDetected() {
        int[] range = byteRange(signed);
        int gapStart = range[0] + range[1];
        // inside the DER-encoded CMS (its first hundreds of hex digits), in the zero padding, and a letter's case
        int[] offsets = {gapStart + 1 + 300, gapStart + 1 + 1000, range[2] - 10};
        for (int offset : offsets) {
            byte[] changed = signed.clone();
            changed[offset] = (byte) (changed[offset] == '0' ? '1' : '0');
            Verification v = signing.verify(changed);
            assertFalse(v.valid(), "signature byte " + offset + " changed: " + v);
        }
        for (int i = gapStart + 1; i < range[2] - 1; i++) {
            if (signed[i] >= 'A' && signed[i] <= 'F') {
                byte[] changed = signed.clone();
                changed[i] = (byte) Character.toLowerCase(changed[i]);
                Verification v = signing.verify(changed);
                assertFalse(v.valid(), "case of hex digit at " + i + " changed: " + v);
                break;
            }
        }
    }

    @Test
    void appendedBytesAreDetected() {
        byte[] appended = Arrays.copyOf(signed, signed.length + 7);
        System.arraycopy("\n%extra".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 7);
        Verification v = signing.verify(appended);
        assertFalse(v.valid());
        assertFalse(v.coversWholeDocument());
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("whole file")), v.problems().toString());
    }

    @Test
    void anotherKeysSignatureIsValidButNotThisServers() throws IOException {
        PdfSigning other = PdfSigning.loadOrCreate(dir.resolve("other/k.p12"), dir.resolve("other/k.pass"),
                "Another site");
        byte[] byOther = other.sign(unsigned, "test", "elsewhere", SIGNED_AT);
        Verification v = signing.verify(byOther);
        assertTrue(v.valid(), v.problems().toString());
        assertFalse(v.signedByThisServer());
        assertEquals("Another site", v.signer());
        assertTrue(other.verify(byOther).signedByThisServer());
        assertNotEquals(signing.certificateSha256(), other.certificateSha256());
    }

    @Test
    void garbageEmptyNonPdfAndUnsignedAreInvalidWithoutException() throws IOException {
        byte[] random = new byte[5000];
        new Random(1).nextBytes(random);
        byte[] pdfHeaderThenGarbage = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 5000);
        System.arraycopy(random, 0, pdfHeaderThenGarbage, 9, 4991);
        byte[] truncated = Arrays.copyOf(signed, signed.length / 2);
        for (byte[] input : new byte[][] {null, new byte[0], random, "hello".getBytes(StandardCharsets.UTF_8),
                pdfHeaderThenGarbage, truncated, unsigned}) {
            Verification v = signing.verify(input);
            assertFalse(v.valid());
            assertFalse(v.signedByThisServer());
            assertFalse(v.problems().isEmpty());
        }
        assertTrue(signing.verify(unsigned).problems().contains("the PDF has no signature"));
    }

    @Test
    void keystoreIsCreatedOnceAndReusedWithOwnerOnlyPermissions() throws IOException {
        Path keystore = dir.resolve("keys/transcript.p12");
        Path password = dir.resolve("keys/transcript.pass");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        assertTrue(Files.readString(password).strip().length() >= 32);
        PdfSigning again = PdfSigning.loadOrCreate(keystore, password, "a different name is ignored");
        assertEquals(signing.certificateSha256(), again.certificateSha256());
        assertTrue(signing.certificateSha256().matches("[0-9a-f]{64}"));
        assertTrue(again.verify(signed).signedByThisServer());
        assertEquals("EC", signing.certificate().getPublicKey().getAlgorithm());
        assertEquals("CN=某市第一看守所 Huijian", signing.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void aWrongPasswordOrMissingPasswordFileIsAClearError() throws IOException {
        Path keystore = dir.resolve("keys/transcript.p12");
        Path wrong = dir.resolve("wrong.pass");
        Files.writeString(wrong, "not the password");
        IOException e = assertThrows(IOException.class, () -> PdfSigning.loadOrCreate(keystore, wrong, "x"));
        assertTrue(e.getMessage().contains("cannot read the keystore"), e.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> PdfSigning.loadOrCreate(keystore, dir.resolve("absent.pass"), "x"));
        assertTrue(missing.getMessage().contains("password file"), missing.getMessage());
    }

    @Test
    void renderAndSignTimeForATenPageTranscript() throws IOException {
        PdfContent tenPages = null;
        int pages = 0;
        for (int rounds = 30; pages < 10; rounds += 4) {
            tenPages = PdfFixtures.transcript(rounds, PdfFixtures.signaturePng());
            try (PDDocument doc = Loader.loadPDF(renderer.render(tenPages))) {
                pages = doc.getNumberOfPages();
            }
        }
        // warm, then measure
        signing.sign(renderer.render(tenPages), "r", "l", SIGNED_AT);
        int runs = 5;
        long renderNanos = 0;
        long signNanos = 0;
        long verifyNanos = 0;
        byte[] out = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            byte[] pdf = renderer.render(tenPages);
            long t1 = System.nanoTime();
            out = signing.sign(pdf, "r", "l", SIGNED_AT);
            long t2 = System.nanoTime();
            Verification verification = signing.verify(out);
            assertTrue(verification.valid(), verification.problems().toString());
            long t3 = System.nanoTime();
            renderNanos += t1 - t0;
            signNanos += t2 - t1;
            verifyNanos += t3 - t2;
        }
        System.out.printf("FIGURE transcript PDF: %d pages, %d bytes signed; mean of %d: render %.1f ms,"
                + " sign %.1f ms, verify %.1f ms%n", pages, out.length, runs, renderNanos / 1e6 / runs,
                signNanos / 1e6 / runs, verifyNanos / 1e6 / runs);
    }

    private static int[] byteRange(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getLastSignatureDictionary().getByteRange();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Poppler's pdfsig (NSS), an independent reader, agrees: valid and whole; one changed byte is a mismatch. */
    @Test
    void popplerPdfsigAgrees() throws Exception {
        Path good = dir.resolve("signed.pdf");
        Files.write(good, signed);
        String out = run("pdfsig", good.toString());
        assertTrue(out.contains("Signature Type: ETSI.CAdES.detached"), out);
        assertTrue(out.contains("Total document signed"), out);
        assertTrue(out.contains("Signature Validation: Signature is Valid."), out);
        assertTrue(out.contains("Signer Certificate Common Name: 某市第一看守所 Huijian"), out);

        byte[] changed = signed.clone();
        changed[unsigned.length / 2] ^= 0x01;
        Path bad = dir.resolve("changed.pdf");
        Files.write(bad, changed);
        String badOut = run("pdfsig", bad.toString());
        assertTrue(badOut.contains("Signature Validation: Digest Mismatch."), badOut);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "pdfsig finished");
        return out;
    }
}

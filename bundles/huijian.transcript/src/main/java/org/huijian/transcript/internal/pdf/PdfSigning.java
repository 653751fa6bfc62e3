package org.huijian.transcript.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * The server's document signature: PAdES baseline B (SubFilter ETSI.CAdES.detached, a detached CMS SignedData with
 * the signing-certificate-v2 attribute and no signing-time attribute; the claimed time is the signature
 * dictionary's M) made with Bouncy Castle through PDFBox's external signing, and its verification.
 *
 * <p>The key lives in a PKCS#12 file whose password is in a separate file; both owner-only. At first start an EC
 * P-256 key with a self-signed certificate (CN = the site's name) is generated; a site may put its CA-issued key
 * (any alias with a private key; EC or RSA) and its password there instead.
 *
 * <p>Thread-safe: signing and verification keep no state besides the immutable key and chain.
 */
public final class PdfSigning {

    static final String ALIAS = "huijian-transcript";
    /** Room reserved for the CMS in the PDF (bytes; written as twice as many hex digits). */
    static final int SIGNATURE_SIZE = 16384;
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Pattern FOOTER_HASH = Pattern.compile("SHA-256\\s*[：:]\\s*([0-9a-fA-F]{64})");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final byte[] certificateDer;

    private PdfSigning(PrivateKey key, List<X509Certificate> chain) throws IOException {
        this.key = key;
        this.chain = List.copyOf(chain);
        try {
            this.certificateDer = chain.get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IOException("signing certificate cannot be encoded", e);
        }
    }

    /**
     * Loads the key from {@code keystore} with the password in {@code passwordFile}, or, when the keystore does not
     * exist, generates an EC P-256 key and a self-signed certificate for {@code subjectCommonName} and stores both
     * (owner-only permissions, written atomically).
     */
    public static synchronized PdfSigning loadOrCreate(Path keystore, Path passwordFile, String subjectCommonName)
            throws IOException {
        if (Files.exists(keystore)) {
            return load(keystore, passwordFile);
        }
        if (subjectCommonName == null || subjectCommonName.isBlank()) {
            throw new IOException("a common name is needed to create the signing certificate");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSigned(pair, subjectCommonName.strip());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {certificate});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);

            writeOwnerOnly(passwordFile, (new String(password) + "\n").getBytes(StandardCharsets.US_ASCII));
            writeOwnerOnly(keystore, bytes.toByteArray());
            Arrays.fill(password, '\0');
            return new PdfSigning(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create the signing key: " + e.getMessage(), e);
        }
    }

    private static PdfSigning load(Path keystore, Path passwordFile) throws IOException {
        if (!Files.isReadable(passwordFile)) {
            throw new IOException("the keystore " + keystore + " exists but its password file " + passwordFile
                    + " cannot be read");
        }
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password);
            } catch (IOException e) {
                // a wrong password shows as an IOException whose cause is an UnrecoverableKeyException
                throw new GeneralSecurityException(e.getMessage(), e);
            }
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                PrivateKey key = (PrivateKey) store.getKey(alias, password);
                Certificate[] certificates = store.getCertificateChain(alias);
                if (key == null || certificates == null || certificates.length == 0) {
                    continue;
                }
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : certificates) {
                    chain.add((X509Certificate) c);
                }
                return new PdfSigning(key, chain);
            }
            throw new IOException("the keystore " + keystore + " holds no private key with a certificate");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the keystore " + keystore + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String commonName)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        Instant now = Instant.now();
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        serial[0] &= 0x7f;
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** Writes a file readable and writable by its owner only, through a temporary file moved into place. */
    static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", attributes);
        try {
            Files.write(tmp, bytes);
            if (posix) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Lower-case hex SHA-256 of this server's signing certificate (DER). */
    public String certificateSha256() {
        return HexFormat.of().formatHex(TranscriptPdf.sha256().digest(certificateDer));
    }

    /** The subject common name of this server's signing certificate. */
    public String signerName() {
        return commonName(chain.get(0));
    }

    /**
     * Signs the PDF (an incremental update with an invisible signature field) and returns the signed file.
     *
     * @param reason      e.g. "会见笔录定稿"
     * @param location    e.g. the detention centre's name
     * @param signingTime the claimed signing time (signature dictionary M)
     */
    public byte[] sign(byte[] pdf, String reason, String location, Instant signingTime) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName());
            if (reason != null && !reason.isBlank()) {
                signature.setReason(reason);
            }
            if (location != null && !location.isBlank()) {
                signature.setLocation(location);
            }
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            when.setTimeInMillis((signingTime == null ? Instant.now() : signingTime).toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] cms = cms(external.getContent());
            external.setSignature(cms);
            return out.toByteArray();
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            X509Certificate certificate = chain.get(0);
            byte[] certHash = TranscriptPdf.sha256().digest(certificateDer);
            IssuerSerial issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(
                            certificate.getIssuerX500Principal().getEncoded()))),
                    certificate.getSerialNumber());
            ESSCertIDv2 certId = new ESSCertIDv2(certHash, issuerSerial);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            CMSAttributeTableGenerator signedAttributes =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
                        @Override
                        public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map parameters) {
                            // PAdES: the claimed time is the signature dictionary's M, not a CMS signing-time
                            return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
                        }
                    };
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(signedAttributes)
                            .build(signer, certificate));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            byte[] encoded = signed.getEncoded("DER");
            if (encoded.length > SIGNATURE_SIZE) {
                throw new IOException("the signature (" + encoded.length + " bytes) does not fit the "
                        + SIGNATURE_SIZE + " bytes reserved");
            }
            return encoded;
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a signed PDF. Never throws: anything wrong (not a PDF, no signature, bytes outside or appended after
     * the signed range, a changed byte in the signed content or in the signature) gives an invalid result with the
     * problems found.
     */
    public Verification verify(byte[] pdf) {
        List<String> problems = new ArrayList<>();
        if (pdf == null || pdf.length == 0) {
            return new Verification(false, false, false, null, null, null, List.of("the file is empty"));
        }
        if (!startsWith(pdf, "%PDF-")) {
            return new Verification(false, false, false, null, null, null, List.of("the file is not a PDF"));
        }
        boolean covers = false;
        boolean ours = false;
        String signer = null;
        Instant signingTime = null;
        String footerHash = null;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                problems.add("the PDF has no signature");
            }
            int lastEnd = -1;
            for (PDSignature signature : signatures) {
                SignatureCheck check = checkSignature(pdf, signature, problems);
                if (check.end > lastEnd) {
                    lastEnd = check.end;
                    covers = check.end == pdf.length && check.startsAtZero;
                    ours = check.ours;
                    signer = check.signer;
                    signingTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
                }
            }
            if (!signatures.isEmpty() && !covers) {
                problems.add("the signature does not cover the whole file (" + Math.max(0, pdf.length - lastEnd)
                        + " bytes after the signed range)");
            }
            if (problems.isEmpty()) {
                // informative only, and only worth reading from a file whose signature holds
                footerHash = footerHash(doc);
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the file cannot be read as a PDF: " + e.getMessage());
        }
        boolean valid = problems.isEmpty();
        return new Verification(valid, covers, ours, signer, signingTime, footerHash, problems);
    }

    private record SignatureCheck(boolean startsAtZero, int end, boolean ours, String signer) {
    }

    private SignatureCheck checkSignature(byte[] pdf, PDSignature signature, List<String> problems) {
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4) {
            problems.add("a signature has no valid ByteRange");
            return new SignatureCheck(false, -1, false, null);
        }
        int a = range[0];
        int b = range[1];
        int c = range[2];
        int d = range[3];
        long end = (long) c + d;
        if (a < 0 || b <= 0 || c <= a + b + 1 || d < 0 || end > pdf.length) {
            problems.add("a signature's ByteRange " + Arrays.toString(range) + " does not fit the file");
            return new SignatureCheck(false, -1, false, null);
        }
        String subFilter = signature.getSubFilter();
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)
                && !PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName().equals(subFilter)) {
            problems.add("unsupported signature SubFilter " + subFilter);
            return new SignatureCheck(a == 0, (int) end, false, null);
        }
        // The gap must be exactly the Contents hex string: '<' hex digits '>'
        int gapStart = a + b;
        if (pdf[gapStart] != '<' || pdf[c - 1] != '>') {
            problems.add("the unsigned gap of the ByteRange is not the signature's Contents string");
            return new SignatureCheck(a == 0, (int) end, false, null);
        }
        byte[] contents = hex(pdf, gapStart + 1, c - 1, problems);
        if (contents == null) {
            return new SignatureCheck(a == 0, (int) end, false, null);
        }
        int derLength = derLength(contents);
        if (derLength <= 0 || derLength > contents.length) {
            problems.add("the signature's Contents is not a DER-encoded CMS structure");
            return new SignatureCheck(a == 0, (int) end, false, null);
        }
        for (int i = derLength; i < contents.length; i++) {
            if (contents[i] != 0) {
                problems.add("the padding after the signature's CMS structure has been changed");
                break;
            }
        }
        byte[] signedContent = new byte[b + d];
        System.arraycopy(pdf, a, signedContent, 0, b);
        System.arraycopy(pdf, c, signedContent, b, d);

        boolean ours = false;
        String signerName = null;
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
                    Arrays.copyOf(contents, derLength));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                problems.add("the CMS structure has " + signers.size() + " signers, expected one");
                return new SignatureCheck(a == 0, (int) end, false, null);
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certificates = cms.getCertificates();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = certificates.getMatches(info.getSID());
            if (matches.isEmpty()) {
                problems.add("the signing certificate is not in the signature");
                return new SignatureCheck(a == 0, (int) end, false, null);
            }
            X509CertificateHolder holder = matches.iterator().next();
            signerName = commonName(holder.getSubject());
            ours = Arrays.equals(holder.getEncoded(), certificateDer);
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                problems.add("the signature does not verify: the document or the signature has been changed");
            }
            checkSigningCertificateV2(info, holder, problems);
            if (signature.getSignDate() != null && !holder.isValidOn(signature.getSignDate().getTime())) {
                problems.add("the signing certificate was not valid at the claimed signing time");
            }
        } catch (CMSException e) {
            problems.add("the signature does not verify: " + e.getMessage());
        } catch (GeneralSecurityException | OperatorCreationException | IOException | RuntimeException e) {
            problems.add("the signature cannot be checked: " + e.getMessage());
        }
        return new SignatureCheck(a == 0, (int) end, ours, signerName);
    }

    private static void checkSigningCertificateV2(SignerInformation info, X509CertificateHolder holder,
                                                  List<String> problems) throws IOException {
        AttributeTable signed = info.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            problems.add("the signature lacks the signing-certificate-v2 attribute (not PAdES)");
            return;
        }
        SigningCertificateV2 v2 = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
        ESSCertIDv2[] ids = v2.getCerts();
        if (ids.length == 0) {
            problems.add("the signing-certificate-v2 attribute is empty");
            return;
        }
        ESSCertIDv2 id = ids[0];
        String algorithm = id.getHashAlgorithm().getAlgorithm().getId();
        if (!"2.16.840.1.101.3.4.2.1".equals(algorithm)) {
            problems.add("the signing-certificate-v2 attribute uses an unsupported hash (" + algorithm + ")");
            return;
        }
        byte[] expected = TranscriptPdf.sha256().digest(holder.getEncoded());
        if (!Arrays.equals(expected, id.getCertHash())) {
            problems.add("the signing-certificate-v2 attribute names another certificate");
        }
    }

    /**
     * Decodes the Contents hex digits. Strict: only hex digits, and letters all of one case, so that no single
     * changed byte of the string goes unnoticed (upper/lower case would decode alike).
     */
    private static byte[] hex(byte[] pdf, int from, int to, List<String> problems) {
        if ((to - from) % 2 != 0) {
            problems.add("the signature's Contents has an odd number of hex digits");
            return null;
        }
        boolean upper = false;
        boolean lower = false;
        byte[] out = new byte[(to - from) / 2];
        for (int i = from; i < to; i++) {
            int ch = pdf[i] & 0xff;
            int v = Character.digit(ch, 16);
            if (v < 0) {
                problems.add("the signature's Contents has a byte that is not a hex digit at offset " + i);
                return null;
            }
            upper |= ch >= 'A' && ch <= 'F';
            lower |= ch >= 'a' && ch <= 'f';
            int k = (i - from) / 2;
            out[k] = (byte) ((i - from) % 2 == 0 ? v << 4 : out[k] | v);
        }
        if (upper && lower) {
            problems.add("the signature's Contents mixes upper- and lower-case hex digits: it has been changed");
            return null;
        }
        return out;
    }

    /** The full length (header + content) of the DER element at the start, or -1. */
    private static int derLength(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return -1;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 3 || der.length < 2 + count) {
            return -1;
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return 2 + count + length;
    }

    /** The content hash printed in every page's footer, when all pages carry the same one. */
    private static String footerHash(PDDocument doc) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        Set<String> hashes = new LinkedHashSet<>();
        int pages = doc.getNumberOfPages();
        for (int p = 1; p <= pages; p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            Matcher m = FOOTER_HASH.matcher(stripper.getText(doc));
            String found = null;
            while (m.find()) {
                found = m.group(1).toLowerCase(Locale.ROOT);
            }
            if (found == null) {
                return null;
            }
            hashes.add(found);
        }
        return hashes.size() == 1 ? hashes.iterator().next() : null;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        // "%PDF-" may follow a few bytes of junk; PDF readers accept up to 1024
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        int limit = Math.min(bytes.length - p.length, 1024);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < p.length; j++) {
                if (bytes[i + j] != p[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String commonName(X509Certificate certificate) {
        return commonName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
    }

    private static String commonName(X500Name name) {
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return name.toString();
        }
        var value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value);
    }

    /** For tests: this server's signing certificate. */
    X509Certificate certificate() {
        return chain.get(0);
    }
}

package org.huijian.media.internal.webrtc;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The bridge's DTLS identity: an ECDSA P-256 key and a self-signed certificate made at start (never stored), whose
 * SHA-256 fingerprint each SDP answer carries (RFC 8122). Browsers trust the certificate through that fingerprint,
 * which they received over our authenticated signalling, not through a CA.
 */
public final class Identity {
    final byte[] certificate;
    final AsymmetricKeyParameter privateKey;
    final String fingerprint;

    private Identity(byte[] certificate, AsymmetricKeyParameter privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.fingerprint = fingerprint(certificate);
    }

    public static Identity create() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = g.generateKeyPair();
            X500Name name = new X500Name("CN=huijian-media");
            Instant now = Instant.now();
            X509CertificateHolder cert = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new Identity(cert.getEncoded(), PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make the DTLS certificate", e);
        }
    }

    /** "AB:CD:…" SHA-256 of a DER certificate, as {@code a=fingerprint:sha-256} writes it. */
    static String fingerprint(byte[] der) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).toUpperCase(Locale.ROOT);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 2) {
                if (i > 0) {
                    s.append(':');
                }
                s.append(hex, i, i + 2);
            }
            return s.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

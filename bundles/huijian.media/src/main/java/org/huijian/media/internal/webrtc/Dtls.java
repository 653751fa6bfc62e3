package org.huijian.media.internal.webrtc;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.Vector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS-SRTP handshake (RFC 5764) as the DTLS server ({@code a=setup:passive}), written against Bouncy Castle's
 * DTLS directly. The browser's certificate must match the fingerprint of its SDP, and the protection profile is
 * {@code SRTP_AEAD_AES_128_GCM} when offered, else {@code SRTP_AES128_CM_HMAC_SHA1_80} ({@link SrtpProfile}). When the
 * handshake completes the SRTP keys are exported
 * ({@code EXTRACTOR-dtls_srtp}) and the handshake is done: media never goes through DTLS records.
 */
final class Dtls {
    /** The profile agreed, client write key, server write key (16 bytes each), client salt, server salt. */
    record Keys(SrtpProfile profile, byte[] clientKey, byte[] serverKey, byte[] clientSalt, byte[] serverSalt) {
    }

    private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>(256);
    private final Identity identity;
    private final String remoteFingerprint;
    private final Consumer<byte[]> send;
    private volatile boolean closed;

    Dtls(Identity identity, String remoteFingerprint, Consumer<byte[]> send) {
        this.identity = identity;
        this.remoteFingerprint = remoteFingerprint;
        this.send = send;
    }

    /** A DTLS record from the socket (first byte 20–63). */
    void receive(byte[] datagram) {
        incoming.offer(datagram);
    }

    void close() {
        closed = true;
    }

    /** Runs the handshake (blocking, on the caller's thread); the SRTP keys. */
    Keys handshake() throws IOException {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        Server server = new Server(crypto);
        new DTLSServerProtocol().accept(server, new Transport());
        if (server.keys == null) {
            throw new IOException("DTLS handshake finished without SRTP keys");
        }
        return server.keys;
    }

    private final class Server extends DefaultTlsServer {
        private final BcTlsCrypto crypto;
        private SrtpProfile profile;
        Keys keys;

        Server(BcTlsCrypto crypto) {
            super(crypto);
            this.crypto = crypto;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        /** Our certificate is ECDSA: only ECDHE_ECDSA suites can use it. */
        @Override
        protected int[] getSupportedCipherSuites() {
            return org.bouncycastle.tls.TlsUtils.getSupportedCipherSuites(crypto, new int[] {
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA });
        }

        @Override
        protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
            TlsCertificate cert = crypto.createCertificate(identity.certificate);
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, identity.privateKey,
                    new Certificate(new TlsCertificate[] { cert }),
                    new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        }

        @Override
        public CertificateRequest getCertificateRequest() {
            Vector<SignatureAndHashAlgorithm> algorithms = new Vector<>();
            algorithms.add(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
            algorithms.add(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
            return new CertificateRequest(new short[] { ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign },
                    algorithms, null);
        }

        @Override
        public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
            if (clientCertificate == null || clientCertificate.isEmpty()) {
                throw new TlsFatalAlert(AlertDescription.handshake_failure, "the browser sent no certificate");
            }
            String seen = Identity.fingerprint(clientCertificate.getCertificateAt(0).getEncoded());
            if (!seen.equalsIgnoreCase(remoteFingerprint)) {
                throw new TlsFatalAlert(AlertDescription.bad_certificate, "certificate fingerprint " + seen
                        + " is not the one of the SDP");
            }
        }

        @Override
        public void processClientExtensions(Hashtable clientExtensions) throws IOException {
            super.processClientExtensions(clientExtensions);
            UseSRTPData srtp = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
            profile = srtp == null ? null : SrtpProfile.choose(srtp.getProtectionProfiles());
            if (profile == null) {
                throw new TlsFatalAlert(AlertDescription.handshake_failure,
                        "neither SRTP_AEAD_AES_128_GCM nor SRTP_AES128_CM_HMAC_SHA1_80 offered");
            }
        }

        @Override
        @SuppressWarnings({ "rawtypes", "unchecked" })
        public Hashtable getServerExtensions() throws IOException {
            Hashtable ext = super.getServerExtensions();
            if (ext == null) {
                ext = new Hashtable();
            }
            TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(new int[] { profile.id }, new byte[0]));
            return ext;
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            keys = profile.keys(context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null, profile.materialLength()));
        }
    }

    /** The socket as Bouncy Castle sees it: records in from {@link #receive}, out through the endpoint. */
    private final class Transport implements DatagramTransport {
        @Override
        public int getReceiveLimit() {
            return 1500;
        }

        @Override
        public int getSendLimit() {
            return 1200;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            try {
                byte[] d = incoming.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (d == null) {
                    return -1;
                }
                int n = Math.min(len, d.length);
                System.arraycopy(d, 0, buf, off, n);
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            send.accept(java.util.Arrays.copyOfRange(buf, off, off + len));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

package org.huijian.media.internal.webrtc;

import java.io.IOException;
import java.math.BigInteger;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A browser stand-in for tests and the relay benchmark: makes an offer (Opus audio and VP8 video, ICE credentials, a
 * DTLS fingerprint), connects to the bridge's answer like a browser does (a Binding request with USE-CANDIDATE, the
 * DTLS-SRTP handshake as the DTLS client), then sends and receives SRTP. Sent packets carry their send time
 * ({@link System#nanoTime()}) right after the VP8 payload descriptor, so a receiver can tell the latency.
 */
public final class SimulatedPeer implements AutoCloseable {
    static final int AUDIO_PT = 111;
    static final int VIDEO_PT = 96;
    private static final Pattern PORT = Pattern.compile("a=candidate:\\S+ 1 udp \\d+ (\\S+) (\\d+) typ host");

    private final DatagramSocket socket;
    private final String ufrag = "sim" + Long.toHexString(new SecureRandom().nextLong() & 0xffffff);
    private final String pwd = "simulated-peer-password-" + Long.toHexString(new SecureRandom().nextLong());
    private final byte[] certificate;
    private final AsymmetricKeyParameter key;
    private volatile Srtp srtp;
    private volatile boolean closed;
    private final long audioSsrc = new SecureRandom().nextInt() & 0xffffffffL;
    private final long videoSsrc = new SecureRandom().nextInt() & 0xffffffffL;
    private int audioSeq;
    private int videoSeq;
    private long videoTs;
    private long audioTs;
    private int frame;
    public final AtomicLong sentVideo = new AtomicLong();
    public final AtomicLong sentAudio = new AtomicLong();

    public SimulatedPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = g.generateKeyPair();
            X500Name name = new X500Name("CN=simulated-peer");
            certificate = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(7), Date.from(Instant.now()
                    .minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(1))), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
            key = PrivateKeyFactory.createKey(keys.getPrivate().getEncoded());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** An offer as a browser makes it; {@code sends}: audio and video both ways, else receive video only. */
    public String offer(boolean sends) {
        StringBuilder s = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE");
        s.append(sends ? " 0 1" : " 0").append("\r\n");
        int mid = 0;
        if (sends) {
            s.append("m=audio 9 UDP/TLS/RTP/SAVPF ").append(AUDIO_PT).append("\r\nc=IN IP4 0.0.0.0\r\n");
            common(s, mid++, "sendrecv");
            s.append("a=rtpmap:").append(AUDIO_PT).append(" opus/48000/2\r\n");
        }
        s.append("m=video 9 UDP/TLS/RTP/SAVPF ").append(VIDEO_PT).append("\r\nc=IN IP4 0.0.0.0\r\n");
        common(s, mid, sends ? "sendrecv" : "recvonly");
        s.append("a=rtpmap:").append(VIDEO_PT).append(" VP8/90000\r\n");
        return s.toString();
    }

    private void common(StringBuilder s, int mid, String direction) {
        s.append("a=mid:").append(mid).append("\r\na=ice-ufrag:").append(ufrag).append("\r\na=ice-pwd:").append(pwd)
                .append("\r\na=fingerprint:sha-256 ").append(Identity.fingerprint(certificate))
                .append("\r\na=setup:actpass\r\na=rtcp-mux\r\na=").append(direction).append("\r\n");
    }

    /** Connects to the bridge's answer: ICE check, DTLS handshake, SRTP keys. */
    public void connect(String answer) throws IOException {
        Matcher c = PORT.matcher(answer);
        if (!c.find()) {
            throw new IOException("no host candidate in " + answer);
        }
        InetSocketAddress bridge = new InetSocketAddress(c.group(1), Integer.parseInt(c.group(2)));
        String bridgeUfrag = value(answer, "a=ice-ufrag:");
        String bridgePwd = value(answer, "a=ice-pwd:");
        String fingerprint = value(answer, "a=fingerprint:sha-256 ");
        socket.connect(bridge);
        socket.setSoTimeout(5000);
        byte[] check = Stun.request(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, bridgeUfrag + ":" + ufrag,
                bridgePwd, true);
        socket.send(new DatagramPacket(check, check.length));
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        if (!Stun.looksLike(buf, p.getLength())) {
            throw new IOException("the bridge did not answer the connectivity check");
        }
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        Client client = new Client(crypto, fingerprint);
        new DTLSClientProtocol().connect(client, new Transport());
        Dtls.Keys k = client.keys;
        // As the DTLS client we send with the client keys and receive with the server's: the same class, turned round.
        srtp = new Srtp(new Dtls.Keys(k.serverKey(), k.clientKey(), k.serverSalt(), k.clientSalt()));
        socket.setSoTimeout(0);
    }

    private static String value(String sdp, String prefix) {
        return sdp.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length()).strip();
    }

    /** Sends one audio packet of 20 ms (about 100 bytes). */
    public void sendAudio() throws IOException {
        byte[] payload = new byte[100];
        ByteBuffer.wrap(payload).putLong(2, System.nanoTime());
        send(AUDIO_PT, audioSsrc, audioSeq++, audioTs, true, payload);
        audioTs += 960;
        sentAudio.incrementAndGet();
    }

    /**
     * Sends one video frame of {@code bytes} in packets of at most 1150 bytes, as VP8 (a keyframe every
     * {@code keyframeEvery} frames), at 30 frames a second on the RTP clock.
     */
    public void sendFrame(int bytes, int keyframeEvery, int width, int height) throws IOException {
        boolean key = frame % keyframeEvery == 0;
        int packets = Math.max(1, (bytes + 1149) / 1150);
        for (int i = 0; i < packets; i++) {
            int size = Math.min(1150, bytes - i * 1150);
            byte[] payload = new byte[Math.max(size, 20) + 1];
            payload[0] = (byte) (i == 0 ? 0x10 : 0x00); // VP8 descriptor: S on the first packet, partition 0
            if (i == 0) {
                payload[1] = (byte) (key ? 0x10 : 0x11);
                if (key) {
                    payload[4] = (byte) 0x9d;
                    payload[5] = 0x01;
                    payload[6] = 0x2a;
                    payload[7] = (byte) width;
                    payload[8] = (byte) (width >> 8);
                    payload[9] = (byte) height;
                    payload[10] = (byte) (height >> 8);
                }
            }
            ByteBuffer.wrap(payload).putLong(12, System.nanoTime());
            send(VIDEO_PT, videoSsrc, videoSeq++, videoTs, i == packets - 1, payload);
            sentVideo.incrementAndGet();
        }
        videoTs += 3000;
        frame++;
    }

    private void send(int pt, long ssrc, int seq, long ts, boolean marker, byte[] payload) throws IOException {
        Srtp s = srtp;
        byte[] p = new byte[12 + payload.length + 16];
        ByteBuffer b = ByteBuffer.wrap(p);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) seq).putInt((int) ts)
                .putInt((int) ssrc).put(payload);
        Srtp.Buf buf = new Srtp.Buf(p, 0, 12 + payload.length);
        try {
            s.protectRtp(buf);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        socket.send(new DatagramPacket(buf.buffer, buf.offset, buf.length));
    }

    /**
     * Receives until closed, on the calling thread: each decrypted RTP packet goes to {@code sink} with its kind and
     * its latency in nanoseconds (from the send time it carries).
     */
    public void receive(BiConsumer<String, Long> sink) {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            long now = System.nanoTime();
            int len = p.getLength();
            if (len < 12 || (buf[0] & 0xff) < 128 || (buf[0] & 0xff) > 191) {
                continue;
            }
            int pt = buf[1] & 0x7f;
            if (pt >= 64 && pt <= 95) {
                continue; // RTCP
            }
            Srtp.Buf b = new Srtp.Buf(java.util.Arrays.copyOf(buf, len), 0, len);
            try {
                if (!srtp.unprotectRtp(b)) {
                    continue;
                }
            } catch (java.security.GeneralSecurityException e) {
                continue;
            }
            ByteBuffer in = ByteBuffer.wrap(b.buffer, b.offset, b.length);
            boolean video = pt == VIDEO_PT;
            sink.accept(video ? "video" : "audio", now - in.getLong(12 + (video ? 12 : 2)));
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }

    private final class Client extends DefaultTlsClient {
        private final String fingerprint;
        Dtls.Keys keys;

        Client(BcTlsCrypto crypto, String fingerprint) {
            super(crypto);
            this.fingerprint = fingerprint;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] { CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 };
        }

        @Override
        @SuppressWarnings({ "rawtypes", "unchecked" })
        public Hashtable getClientExtensions() throws IOException {
            Hashtable ext = super.getClientExtensions();
            TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(
                    new int[] { SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80 }, new byte[0]));
            return ext;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate server) throws IOException {
                    String seen = Identity.fingerprint(server.getCertificate().getCertificateAt(0).getEncoded());
                    if (!seen.equalsIgnoreCase(fingerprint)) {
                        throw new TlsFatalAlert(org.bouncycastle.tls.AlertDescription.bad_certificate);
                    }
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                    BcTlsCrypto crypto = (BcTlsCrypto) getCrypto();
                    TlsCertificate cert = crypto.createCertificate(certificate);
                    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key,
                            new Certificate(new TlsCertificate[] { cert }),
                            new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            byte[] m = context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null, 60);
            keys = new Dtls.Keys(java.util.Arrays.copyOfRange(m, 0, 16), java.util.Arrays.copyOfRange(m, 16, 32),
                    java.util.Arrays.copyOfRange(m, 32, 46), java.util.Arrays.copyOfRange(m, 46, 60));
        }
    }

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
            socket.setSoTimeout(Math.max(1, waitMillis));
            DatagramPacket p = new DatagramPacket(buf, off, len);
            try {
                socket.receive(p);
            } catch (java.net.SocketTimeoutException e) {
                return -1;
            }
            int first = buf[off] & 0xff;
            return first >= 20 && first <= 63 ? p.getLength() : -1; // only DTLS now
        }

        @Override
        public void send(byte[] buf, int off, int len) throws IOException {
            socket.send(new DatagramPacket(buf, off, len));
        }

        @Override
        public void close() {
            // the socket outlives the handshake
        }
    }
}

package org.huijian.media.internal.webrtc;

import java.io.IOException;
import java.math.BigInteger;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
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
 *
 * <p>The offer negotiates abs-send-time (id {@link #ABS_SEND_TIME_ID}) and every packet carries it, as browsers' do.
 * The bridge carries that extension through (renumbered to the receiving leg's id), and the RTP header is plaintext
 * in SRTP, so a receiver can take kind (payload type), SSRC, sequence number and latency (abs-send-time has a
 * resolution of 3.8 µs) without decrypting: {@link #drain} does that for the relay benchmark, whose load driver would
 * otherwise spend most of its core on decryption. {@link #receive} still decrypts and authenticates everything.
 */
public final class SimulatedPeer implements AutoCloseable {
    static final int AUDIO_PT = 111;
    static final int VIDEO_PT = 96;
    /** The id this peer offers for abs-send-time; the bridge answers with the offer's id. */
    public static final int ABS_SEND_TIME_ID = 3;
    private static final Pattern PORT = Pattern.compile("a=candidate:\\S+ 1 udp \\d+ (\\S+) (\\d+) typ host");

    private final DatagramChannel channel;
    private final DatagramSocket socket;
    /** What a sending thread reuses for every packet (video and audio may be sent from different threads). */
    private static final ThreadLocal<byte[]> SEND = ThreadLocal.withInitial(() -> new byte[2048]);
    private static final ThreadLocal<ByteBuffer> SEND_DIRECT = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(2048));
    private static final ThreadLocal<Srtp.Buf> SEND_BUF = ThreadLocal.withInitial(() -> new Srtp.Buf(null, 0, 0));
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

    /** The SRTP protection profiles offered in the DTLS handshake, in order. */
    private final int[] offered;

    /** A peer offering the SRTP profiles as Chromium does: AES-GCM (256 and 128) first, then AES-CM with HMAC-SHA1. */
    public SimulatedPeer() throws IOException {
        this(true);
    }

    /** {@code gcm} false: a peer that offers only {@code SRTP_AES128_CM_HMAC_SHA1_80}. */
    public SimulatedPeer(boolean gcm) throws IOException {
        offered = gcm ? new int[] { SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM, SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM,
            SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80 } : new int[] { SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80 };
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket = channel.socket(); // blocking, with timeouts, for the connectivity check and the DTLS handshake
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
            s.append("a=extmap:").append(ABS_SEND_TIME_ID).append(' ').append(Sdp.ABS_SEND_TIME).append("\r\n");
        }
        s.append("m=video 9 UDP/TLS/RTP/SAVPF ").append(VIDEO_PT).append("\r\nc=IN IP4 0.0.0.0\r\n");
        common(s, mid, sends ? "sendrecv" : "recvonly");
        s.append("a=rtpmap:").append(VIDEO_PT).append(" VP8/90000\r\n");
        s.append("a=extmap:").append(ABS_SEND_TIME_ID).append(' ').append(Sdp.ABS_SEND_TIME).append("\r\n");
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
        srtp = new Srtp(new Dtls.Keys(k.profile(), k.serverKey(), k.clientKey(), k.serverSalt(), k.clientSalt()));
        socket.setSoTimeout(0);
    }

    private static String value(String sdp, String prefix) {
        return sdp.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length()).strip();
    }

    /** The SRTP protection profile the bridge chose, such as {@code AEAD_AES_128_GCM}; null before {@link #connect}. */
    public String srtpProfile() {
        Srtp s = srtp;
        return s == null ? null : s.profile().name();
    }

    /** Sends one audio packet of 20 ms (about 100 bytes). */
    public void sendAudio() throws IOException {
        byte[] p = SEND.get();
        int at = header(p, AUDIO_PT, audioSsrc, audioSeq++, audioTs, true);
        java.util.Arrays.fill(p, at, at + 100, (byte) 0);
        putLong(p, at + 2, System.nanoTime());
        send(p, at + 100);
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
        byte[] p = SEND.get();
        for (int i = 0; i < packets; i++) {
            int size = Math.min(1150, bytes - i * 1150);
            int at = header(p, VIDEO_PT, videoSsrc, videoSeq++, videoTs, i == packets - 1);
            int length = Math.max(size, 20) + 1;
            java.util.Arrays.fill(p, at, at + length, (byte) 0);
            p[at] = (byte) (i == 0 ? 0x10 : 0x00); // VP8 descriptor: S on the first packet, partition 0
            if (i == 0) {
                p[at + 1] = (byte) (key ? 0x10 : 0x11);
                if (key) {
                    p[at + 4] = (byte) 0x9d;
                    p[at + 5] = 0x01;
                    p[at + 6] = 0x2a;
                    p[at + 7] = (byte) width;
                    p[at + 8] = (byte) (width >> 8);
                    p[at + 9] = (byte) height;
                    p[at + 10] = (byte) (height >> 8);
                }
            }
            putLong(p, at + 12, System.nanoTime());
            send(p, at + length);
            sentVideo.incrementAndGet();
        }
        videoTs += 3000;
        frame++;
    }

    /** The RTP header with the abs-send-time extension (one-byte form, RFC 8285); where the payload starts. */
    private static int header(byte[] p, int pt, long ssrc, int seq, long ts, boolean marker) {
        p[0] = (byte) 0x90; // V=2, X=1
        p[1] = (byte) ((marker ? 0x80 : 0) | pt);
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        Relay.putInt(p, 4, (int) ts);
        Relay.putInt(p, 8, (int) ssrc);
        p[12] = (byte) 0xBE;
        p[13] = (byte) 0xDE;
        p[14] = 0;
        p[15] = 1; // one word
        int ast = absSendTime(System.nanoTime());
        p[16] = (byte) ((ABS_SEND_TIME_ID << 4) | 2); // three bytes
        p[17] = (byte) (ast >> 16);
        p[18] = (byte) (ast >> 8);
        p[19] = (byte) ast;
        return 20;
    }

    /** abs-send-time: seconds in 6.18 fixed point, 24 bits (wraps every 64 s), from {@link System#nanoTime()}. */
    static int absSendTime(long nanos) {
        return (int) (((nanos / 1000) << 18) / 1_000_000) & 0xffffff;
    }

    /** The time from an abs-send-time to {@code nowNanos}, in nanoseconds (under 64 s). */
    static long sinceAbsSendTime(int ast, long nowNanos) {
        return ((absSendTime(nowNanos) - ast) & 0xffffff) * 1_000_000_000L >> 18;
    }

    private static void putLong(byte[] p, int at, long v) {
        Relay.putInt(p, at, (int) (v >> 32));
        Relay.putInt(p, at + 4, (int) v);
    }

    private static long getLong(byte[] p, int at) {
        return ((long) Srtp.ssrc(p, at) << 32) | (Srtp.ssrc(p, at + 4) & 0xffffffffL);
    }

    /** Encrypts the packet in the first {@code length} bytes of {@code p} in place and sends it. */
    private void send(byte[] p, int length) throws IOException {
        Srtp.Buf buf = SEND_BUF.get().set(p, 0, length);
        try {
            srtp.protectRtp(buf);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        ByteBuffer out = SEND_DIRECT.get();
        out.clear();
        out.put(buf.buffer, buf.offset, buf.length).flip();
        channel.write(out);
    }

    /** Where the payload of the RTP packet in the first {@code length} bytes of {@code p} starts, or -1. */
    static int payloadAt(byte[] p, int length) {
        int at = 12 + 4 * (p[0] & 0x0f);
        if ((p[0] & 0x10) != 0) {
            if (at + 4 > length) {
                return -1;
            }
            at += 4 + 4 * (((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff));
        }
        return at <= length ? at : -1;
    }

    /** The abs-send-time in the packet's header extension with {@code id}, or -1. */
    static int absSendTime(byte[] p, int length, int id) {
        if ((p[0] & 0x10) == 0) {
            return -1;
        }
        int at = 12 + 4 * (p[0] & 0x0f);
        if (at + 4 > length || (p[at] & 0xff) != 0xBE || (p[at + 1] & 0xff) != 0xDE) {
            return -1;
        }
        int end = Math.min(length, at + 4 + 4 * (((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff)));
        for (int i = at + 4; i < end;) {
            int e = (p[i] & 0xf0) >> 4;
            if (e == 0) {
                i++;
                continue;
            }
            int len = (p[i] & 0x0f) + 1;
            if (e == id && len == 3 && i + 4 <= end) {
                return ((p[i + 1] & 0xff) << 16) | ((p[i + 2] & 0xff) << 8) | (p[i + 3] & 0xff);
            }
            if (e == 15) {
                return -1;
            }
            i += 1 + len;
        }
        return -1;
    }

    /** What a receiver learns from an RTP header without decrypting: kind, SSRC, sequence number, latency. */
    public interface HeaderSink {
        /** {@code latencyNanos} from the abs-send-time the packet carries, or -1 when it carries none. */
        void packet(boolean video, long ssrc, int seq, long latencyNanos);
    }

    /** Makes the channel non-blocking and registers it with {@code selector}, this peer attached. */
    public SelectionKey register(Selector selector) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, SelectionKey.OP_READ, this);
    }

    /**
     * Reads every datagram waiting on the (non-blocking, {@link #register registered}) channel and hands each RTP
     * packet's header to {@code sink}, <b>without</b> decrypting or authenticating it (the header is plaintext in
     * SRTP). {@code scratch}: a direct buffer of at least 2048 bytes the caller reuses. Returns the packets read.
     */
    public int drain(ByteBuffer scratch, byte[] bytes, HeaderSink sink) throws IOException {
        int n = 0;
        while (!closed) {
            scratch.clear();
            if (channel.receive(scratch) == null) {
                break;
            }
            long now = System.nanoTime();
            scratch.flip();
            int len = Math.min(scratch.remaining(), 32);
            scratch.get(bytes, 0, len); // the header is all we read
            if (len < 12 || (bytes[0] & 0xc0) != 0x80) {
                continue;
            }
            int pt = bytes[1] & 0x7f;
            if (pt >= 64 && pt <= 95) {
                continue; // RTCP
            }
            n++;
            int ast = absSendTime(bytes, len, ABS_SEND_TIME_ID);
            sink.packet(pt == VIDEO_PT, Srtp.ssrc(bytes, 8) & 0xffffffffL, ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff),
                    ast < 0 ? -1 : sinceAbsSendTime(ast, now));
        }
        return n;
    }

    /**
     * Receives until closed, on the calling thread: each decrypted RTP packet goes to {@code sink} with its kind and
     * its latency in nanoseconds (from the send time it carries).
     */
    public void receive(BiConsumer<String, Long> sink) {
        byte[] buf = new byte[2048];
        ByteBuffer in = ByteBuffer.allocateDirect(2048);
        Srtp.Buf b = new Srtp.Buf(buf, 0, 0);
        while (!closed) {
            int len;
            try {
                in.clear();
                channel.receive(in);
                in.flip();
                len = in.remaining();
                in.get(buf, 0, len);
            } catch (IOException e) {
                return;
            }
            long now = System.nanoTime();
            if (len < 12 || (buf[0] & 0xff) < 128 || (buf[0] & 0xff) > 191) {
                continue;
            }
            int pt = buf[1] & 0x7f;
            if (pt >= 64 && pt <= 95) {
                continue; // RTCP
            }
            b.set(buf, 0, len);
            try {
                if (!srtp.unprotectRtp(b)) {
                    continue;
                }
            } catch (java.security.GeneralSecurityException e) {
                continue;
            }
            boolean video = pt == VIDEO_PT;
            int at = payloadAt(buf, b.length);
            if (at < 0 || at + (video ? 20 : 10) > b.length) {
                continue;
            }
            sink.accept(video ? "video" : "audio", now - getLong(buf, at + (video ? 12 : 2)));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing
        }
    }

    private final class Client extends DefaultTlsClient {
        private final String fingerprint;
        private SrtpProfile chosenProfile;
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
            TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(offered, new byte[0]));
            return ext;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void processServerExtensions(Hashtable serverExtensions) throws IOException {
            super.processServerExtensions(serverExtensions);
            UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
            chosenProfile = chosen == null || chosen.getProtectionProfiles().length != 1 ? null
                    : SrtpProfile.of(chosen.getProtectionProfiles()[0]);
            if (chosenProfile == null || java.util.Arrays.stream(offered).noneMatch(o -> o == chosenProfile.id)) {
                throw new TlsFatalAlert(org.bouncycastle.tls.AlertDescription.illegal_parameter);
            }
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
            keys = chosenProfile.keys(context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null,
                    chosenProfile.materialLength()));
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

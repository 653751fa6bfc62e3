package org.huijian.media.internal.webrtc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's WebRTC leg at the bridge, on a UDP port of its own or on a {@link SharedPort}: ICE-lite (answers the
 * browser's connectivity checks, takes the nominated address), DTLS-SRTP as the DTLS server, rtcp-mux and BUNDLE.
 * Datagrams are told apart by their first byte (RFC 7983): STUN 0–3, DTLS 20–63, RTP/RTCP 128–191. Anything else,
 * anything that does not parse or authenticate, and anything from an address other than the nominated one (once
 * there is one) is dropped and counted; it never disturbs the leg.
 *
 * <p>The media path allocates nothing per packet: each leg's reader receives into one direct buffer, copies the
 * datagram once into its own array and decrypts it there in place; the listener sees that array (valid during the
 * call only). Sending encrypts in place in the caller's array (or a per-thread one) and sends from a per-thread
 * direct buffer, with {@link DatagramChannel} rather than the {@code DatagramSocket} adaptor.
 */
public final class Endpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Receives the leg's decrypted RTP and RTCP. */
    public interface Listener {
        /** A decrypted RTP packet; {@code kind} is "audio" or "video" by its payload type. */
        void rtp(Endpoint from, String kind, byte[] packet);

        /**
         * A decrypted RTP packet in the first {@code length} bytes of {@code buffer}, which belongs to the leg's
         * reader and is reused for the next datagram as soon as this returns: keep nothing of it, copy what must stay.
         * By default a copy goes to {@link #rtp(Endpoint, String, byte[])}.
         */
        default void rtp(Endpoint from, String kind, byte[] buffer, int length) {
            rtp(from, kind, java.util.Arrays.copyOf(buffer, length));
        }

        /** A decrypted RTCP compound packet. */
        default void rtcp(Endpoint from, byte[] packet) {
        }
    }

    /** What the leg has seen, for tests, the console and the malformed-packet figures. */
    public static final class Counters {
        public final AtomicLong stunAnswered = new AtomicLong();
        public final AtomicLong audioPackets = new AtomicLong();
        public final AtomicLong audioBytes = new AtomicLong();
        public final AtomicLong videoPackets = new AtomicLong();
        public final AtomicLong videoBytes = new AtomicLong();
        public final AtomicLong rtcpPackets = new AtomicLong();
        public final AtomicLong sentPackets = new AtomicLong();
        /** Dropped: not STUN/DTLS/RTP, too short, bad STUN, wrong ICE credentials, unknown sender, not authenticated. */
        public final AtomicLong dropped = new AtomicLong();

        @Override
        public String toString() {
            return "stun " + stunAnswered + ", audio " + audioPackets + " packets/" + audioBytes + " B, video "
                    + videoPackets + " packets/" + videoBytes + " B, rtcp " + rtcpPackets + ", sent " + sentPackets
                    + ", dropped " + dropped;
        }
    }

    /** Room for the largest datagram we take (a browser's RTP stays under the MTU) and the SRTP tag. */
    static final int MAX_DATAGRAM = 2048;
    static final int ROOM = MAX_DATAGRAM + 64;

    /** What a sending thread reuses for every packet it encrypts and sends. */
    private static final class Tx {
        final byte[] bytes = new byte[ROOM];
        final Srtp.Buf buf = new Srtp.Buf(bytes, 0, 0);
        final ByteBuffer direct = ByteBuffer.allocateDirect(ROOM);
    }

    private static final ThreadLocal<Tx> TX = ThreadLocal.withInitial(Tx::new);

    private final DatagramChannel socket;
    /** The port this leg shares with others, or null when it has a socket and a reader of its own. */
    private final SharedPort shared;
    private final int port;
    private final Identity identity;
    private final String advertised;
    private final String ufrag = random(8);
    private final String pwd = random(24);
    private final Counters counters = new Counters();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile Sdp.Offer offer;
    private volatile Listener listener = (e, k, p) -> { };
    private volatile InetSocketAddress remote;
    private volatile Dtls dtls;
    private volatile Srtp srtp;
    private volatile int audioPt = -1;
    private volatile int videoPt = -1;
    private volatile int audioAbsSendTime = -1;
    private volatile int videoAbsSendTime = -1;
    private volatile boolean closed;

    /**
     * Has the SRTP library choose its ciphers now, off the relaying threads (it times the providers on first use,
     * 1.5–2 s); call once when the bridge starts. Logs and returns if it fails: the first leg then pays instead.
     */
    public static void prepareCrypto() {
        long started = System.nanoTime();
        try {
            Srtp.prepare();
            LOG.debug("SRTP ciphers ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            LOG.warn("SRTP ciphers could not be prepared at start: {}", e.toString());
        }
    }

    /** A leg listening on {@code address} (an ephemeral port), announcing that address. */
    public Endpoint(InetAddress address, Identity identity) throws SocketException {
        this(address, identity, address.getHostAddress());
    }

    /**
     * A leg listening on {@code address} (an ephemeral port; may be the wildcard), announcing {@code advertised} as
     * its host candidate: the address the browsers reach the server at.
     */
    public Endpoint(InetAddress address, Identity identity, String advertised) throws SocketException {
        try {
            this.socket = DatagramChannel.open();
            socket.bind(new InetSocketAddress(address, 0));
            this.port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            SocketException s = new SocketException(e.getMessage());
            s.initCause(e);
            throw s;
        }
        this.shared = null;
        this.identity = identity;
        this.advertised = advertised;
        Thread reader = new Thread(this::read, "huijian-media-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /** A leg on {@code shared}, whose reader hands it the datagrams meant for it; announces {@code advertised}. */
    public Endpoint(SharedPort shared, Identity identity, String advertised) {
        this.socket = shared.channel();
        this.shared = shared;
        this.port = shared.port();
        this.identity = identity;
        this.advertised = advertised;
        shared.add(ufrag, this);
    }

    public Counters counters() {
        return counters;
    }

    public int port() {
        return port;
    }

    /** The SRTP protection profile agreed in the DTLS handshake, such as {@code AEAD_AES_128_GCM}; null before. */
    public String srtpProfile() {
        Srtp s = srtp;
        return s == null ? null : s.profile().name();
    }

    /** Completes when ICE and DTLS are done and SRTP flows (or fails with why not). */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    public void listen(Listener l) {
        this.listener = l;
    }

    /**
     * Takes the browser's offer and returns the bridge's answer. {@code sendSsrc} names, per kind, the SSRC of the
     * stream the bridge will send on this leg (absent: receive only).
     */
    public String answer(String offerSdp, Map<String, Long> sendSsrc, String streamId) {
        Sdp.Offer o = Sdp.parse(offerSdp);
        this.offer = o;
        for (Sdp.Media m : o.accepted()) {
            if (m.kind().equals("audio")) {
                audioPt = m.payloadType();
                audioAbsSendTime = m.absSendTime();
            } else {
                videoPt = m.payloadType();
                videoAbsSendTime = m.absSendTime();
            }
        }
        dtls = new Dtls(identity, o.fingerprint(), this::sendRaw);
        return Sdp.answer(o, advertised, port(), ufrag, pwd, identity.fingerprint,
                sendSsrc, streamId);
    }

    public int payloadType(String kind) {
        return kind.equals("audio") ? audioPt : videoPt;
    }

    /** The id this leg gave the abs-send-time header extension for {@code kind}, or -1 when not negotiated. */
    public int absSendTimeId(String kind) {
        return kind.equals("audio") ? audioAbsSendTime : videoAbsSendTime;
    }

    /** Encrypts and sends an RTP packet (plain, with our SSRC and this leg's payload type) to the browser. */
    public boolean sendRtp(byte[] packet) {
        return protectAndSend(packet, packet.length, false, true);
    }

    /**
     * Encrypts the RTP packet in the first {@code length} bytes of {@code buffer} <b>in place</b> and sends it: the
     * caller's array is overwritten (give it 16 bytes of room after the packet, or it is copied once to grow).
     */
    public boolean sendRtp(byte[] buffer, int length) {
        return protectAndSend(buffer, length, false, false);
    }

    /** Encrypts and sends an RTCP compound packet to the browser. */
    public boolean sendRtcp(byte[] packet) {
        return protectAndSend(packet, packet.length, true, true);
    }

    private boolean protectAndSend(byte[] packet, int length, boolean rtcp, boolean copy) {
        Srtp s = srtp;
        InetSocketAddress to = remote;
        if (s == null || to == null) {
            return false;
        }
        Tx tx = TX.get();
        try {
            Srtp.Buf b;
            if (copy && length + 32 <= tx.bytes.length) {
                System.arraycopy(packet, 0, tx.bytes, 0, length);
                b = tx.buf.set(tx.bytes, 0, length);
            } else {
                b = tx.buf.set(copy ? java.util.Arrays.copyOf(packet, length + 32) : packet, 0, length);
            }
            if (!(rtcp ? s.protectRtcp(b) : s.protectRtp(b))) {
                return false;
            }
            ByteBuffer out = tx.direct;
            if (b.length <= out.capacity()) {
                out.clear();
                out.put(b.buffer, b.offset, b.length).flip();
            } else {
                out = ByteBuffer.wrap(b.buffer, b.offset, b.length);
            }
            b.set(tx.bytes, 0, 0); // hold no reference to the caller's array
            if (!closed) {
                socket.send(out, to);
                counters.sentPackets.incrementAndGet();
            }
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            LOG.debug("port {}: could not protect a packet: {}", port(), e.toString());
            return false;
        } catch (IOException e) {
            LOG.debug("port {}: send failed: {}", port(), e.toString());
            return true; // protected (the SRTP index moved on); the network lost it
        }
    }

    private void sendRaw(byte[] datagram) {
        InetSocketAddress to = remote;
        if (to == null || closed) {
            return;
        }
        try {
            socket.send(ByteBuffer.wrap(datagram), to);
        } catch (IOException e) {
            LOG.debug("port {}: send failed: {}", port(), e.toString());
        }
    }

    private void read() {
        ByteBuffer in = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        byte[] buf = new byte[ROOM];
        Srtp.Buf decrypting = new Srtp.Buf(buf, 0, 0);
        while (!closed) {
            InetSocketAddress from;
            try {
                from = receive(socket, in, buf);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("port {}: receive failed: {}", port(), e.toString());
                }
                return;
            }
            receive(buf, in.limit(), from, decrypting);
        }
    }

    /**
     * Receives one datagram from {@code channel} through the direct buffer {@code in} into {@code buf}; its length
     * is then {@code in.limit()}. Returns the sender.
     */
    static InetSocketAddress receive(DatagramChannel channel, ByteBuffer in, byte[] buf) throws IOException {
        in.clear();
        InetSocketAddress from = (InetSocketAddress) channel.receive(in);
        in.flip();
        in.get(buf, 0, in.remaining());
        return from;
    }

    /** A datagram for this leg, in the first {@code len} bytes of the reader's {@code buf}. */
    void receive(byte[] buf, int len, InetSocketAddress from, Srtp.Buf decrypting) {
        try {
            handle(buf, len, from, decrypting);
        } catch (RuntimeException e) {
            counters.dropped.incrementAndGet();
            LOG.debug("port {}: dropped a datagram: {}", port(), e.toString());
        } catch (LinkageError e) { // a class the packaging left out: say so loudly, keep the leg alive
            counters.dropped.incrementAndGet();
            LOG.error("port {}: cannot handle a datagram: {}", port(), e.toString(), e);
        }
    }

    private void handle(byte[] b, int len, InetSocketAddress from, Srtp.Buf decrypting) {
        if (len < 1) {
            counters.dropped.incrementAndGet();
            return;
        }
        int first = b[0] & 0xff;
        if (first < 4) {
            stun(b, len, from);
        } else if (first >= 20 && first <= 63) {
            Dtls d = dtls;
            if (d == null || !from.equals(remote)) {
                counters.dropped.incrementAndGet();
                return;
            }
            d.receive(java.util.Arrays.copyOf(b, len));
        } else if (first >= 128 && first <= 191) {
            media(b, len, from, decrypting);
        } else {
            counters.dropped.incrementAndGet();
        }
    }

    private void stun(byte[] b, int len, InetSocketAddress from) {
        Sdp.Offer o = offer;
        Stun.Message m;
        try {
            m = Stun.parse(b, len);
        } catch (IllegalArgumentException e) {
            counters.dropped.incrementAndGet();
            return;
        }
        if (o == null || m.type() != Stun.BINDING_REQUEST || m.username() == null
                || !m.username().equals(ufrag + ":" + o.iceUfrag()) || !Stun.integrityOk(m, pwd)) {
            if (m.type() != Stun.BINDING_INDICATION) {
                counters.dropped.incrementAndGet();
            }
            return;
        }
        InetSocketAddress old = remote;
        boolean first = old == null;
        if (first || m.useCandidate()) {
            remote = from;
            if (shared != null) {
                shared.route(old, from, this);
            }
        }
        byte[] answer = Stun.success(m, from, pwd);
        try {
            socket.send(ByteBuffer.wrap(answer), from);
            counters.stunAnswered.incrementAndGet();
        } catch (IOException e) {
            LOG.debug("port {}: STUN answer failed: {}", port(), e.toString());
        }
        if (first) {
            Thread handshake = new Thread(this::handshake, "huijian-dtls-" + port());
            handshake.setDaemon(true);
            handshake.start();
        }
    }

    private void handshake() {
        try {
            Dtls.Keys keys = dtls.handshake();
            srtp = new Srtp(keys);
            connected.complete(null);
            LOG.debug("port {}: DTLS-SRTP ({}) with {} established", port(), keys.profile(), remote);
        } catch (IOException | RuntimeException | LinkageError e) {
            connected.completeExceptionally(e);
            LOG.warn("port {}: DTLS handshake with {} failed: {}", port(), remote, e.toString());
        }
    }

    private void media(byte[] b, int len, InetSocketAddress from, Srtp.Buf buf) {
        Srtp s = srtp;
        if (s == null || !from.equals(remote) || len < 12) {
            counters.dropped.incrementAndGet();
            return;
        }
        int pt = b[1] & 0x7f;
        boolean rtcp = pt >= 64 && pt <= 95; // RFC 5761: RTCP packet types 192–223 on a muxed port
        buf.set(b, 0, len); // decrypted in place, in the reader's own array
        try {
            if (rtcp ? !s.unprotectRtcp(buf) : !s.unprotectRtp(buf)) {
                counters.dropped.incrementAndGet();
                return;
            }
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            counters.dropped.incrementAndGet();
            return;
        }
        if (buf.buffer != b || buf.offset != 0) { // jitsi-srtp decrypts in place; should it ever move the packet
            System.arraycopy(buf.buffer, buf.offset, b, 0, buf.length);
        }
        int plainLength = buf.length;
        if (rtcp) {
            counters.rtcpPackets.incrementAndGet();
            listener.rtcp(this, java.util.Arrays.copyOf(b, plainLength));
            return;
        }
        String kind = pt == audioPt ? "audio" : pt == videoPt ? "video" : null;
        if (kind == null) {
            counters.dropped.incrementAndGet();
            return;
        }
        if (kind.equals("audio")) {
            counters.audioPackets.incrementAndGet();
            counters.audioBytes.addAndGet(plainLength);
        } else {
            counters.videoPackets.incrementAndGet();
            counters.videoBytes.addAndGet(plainLength);
        }
        listener.rtp(this, kind, b, plainLength);
    }

    @Override
    public void close() {
        closed = true;
        Dtls d = dtls;
        if (d != null) {
            d.close();
        }
        Srtp s = srtp;
        if (s != null) {
            s.close();
        }
        if (shared != null) {
            shared.remove(ufrag, remote, this);
        } else {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("port {}: close: {}", port, e.toString());
            }
        }
        connected.completeExceptionally(new IOException("closed"));
    }

    private static String random(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return s.toString();
    }
}

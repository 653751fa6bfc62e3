package org.huijian.media.internal.webrtc;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The media of one meeting through the bridge, without decoding: what one party sends is forwarded to the other
 * party (its SSRC and payload type rewritten to what that leg's answer declared); the parties' RTCP feedback —
 * NACK, PLI, FIR, REMB — goes back to the sender with the SSRCs translated, so retransmissions, keyframes and the
 * bitrate adapt end to end. A monitor (a supervisor's console) gets the parties' <b>video</b> only: audio is never
 * handed to a monitor leg nor to a recorder, whatever the monitor's offer asked for; {@link #audioToMonitors()} counts
 * what would have been, and stays zero.
 */
public final class Relay {
    public static final String LAWYER = "lawyer";
    public static final String DETAINEE = "detainee";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The numbering of one stream we send: when its source changes (a party reconnected, so a new SSRC with new
     * sequence numbers and timestamps), the output keeps counting on from where it was, so the receiver's jitter
     * buffer sees one continuous stream.
     */
    static final class Out {
        private long source = -1;
        private int seqOffset;
        private long tsOffset;
        private int lastSeq = -1;
        private long lastTs;

        /** Rewrites sequence number and timestamp of {@code p} (a copy) in place. */
        synchronized void number(byte[] p, long sourceSsrc, int clockStep) {
            int seq = ((p[2] & 0xff) << 8) | (p[3] & 0xff);
            long ts = Srtp.ssrc(p, 4) & 0xffffffffL;
            if (sourceSsrc != source) {
                if (lastSeq >= 0) {
                    seqOffset = (lastSeq + 1 - seq) & 0xffff;
                    tsOffset = (lastTs + clockStep - ts) & 0xffffffffL;
                }
                source = sourceSsrc;
            }
            int outSeq = (seq + seqOffset) & 0xffff;
            long outTs = (ts + tsOffset) & 0xffffffffL;
            p[2] = (byte) (outSeq >> 8);
            p[3] = (byte) outSeq;
            putInt(p, 4, (int) outTs);
            if (lastSeq < 0 || (short) (outSeq - lastSeq) > 0) {
                lastSeq = outSeq;
                lastTs = outTs;
            }
        }

        /** A sequence number as we sent it, back in the source's numbering (for NACKs). */
        synchronized int sourceSeq(int outSeq) {
            return (outSeq - seqOffset) & 0xffff;
        }
    }

    /** One party's leg: its endpoint, the SSRCs we send to it, and the SSRCs it sends. */
    final class Party {
        final String name;
        final Endpoint endpoint;
        final long audioOut;
        final long videoOut;
        volatile long audioIn = -1;
        volatile long videoIn = -1;
        /** What we send to this party (the other party's media), per kind. */
        final Out audioOutState;
        final Out videoOutState;

        Party(String name, Endpoint endpoint, Out audio, Out video) {
            this(name, endpoint, audio, video, RANDOM.nextInt() & 0xffffffffL, RANDOM.nextInt() & 0xffffffffL);
        }

        /** A party reconnecting keeps the SSRCs and numbering of what it receives. */
        Party(String name, Endpoint endpoint, Out audio, Out video, long audioOut, long videoOut) {
            this.audioOutState = audio;
            this.videoOutState = video;
            this.audioOut = audioOut;
            this.videoOut = videoOut;
            this.name = name;
            this.endpoint = endpoint;
        }

        Map<String, Long> sendSsrc() {
            return Map.of("audio", audioOut, "video", videoOut);
        }
    }

    /** A monitor leg watching one party's video. */
    final class Monitor {
        final Endpoint endpoint;
        final String party;
        final long videoOut = RANDOM.nextInt() & 0xffffffffL;
        final Out out = new Out();

        Monitor(Endpoint endpoint, String party) {
            this.endpoint = endpoint;
            this.party = party;
        }
    }

    /** Hears the parties' plain video packets (the recorder). */
    public interface VideoTap {
        /**
         * One plain RTP packet of {@code party}'s video in the first {@code length} bytes of {@code buffer}: the
         * buffer is reused as soon as this returns, so copy what must stay.
         */
        void packet(String party, byte[] buffer, int length);
    }

    /** Where a forwarded packet is rewritten and encrypted: one per relaying thread, reused for every packet. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[Endpoint.ROOM]);

    private final Map<String, Party> parties = new ConcurrentHashMap<>();
    /** The parties as an array, for the per-packet look-up of the other party (no iterator, no stream). */
    private volatile Party[] partyArray = new Party[0];
    private final List<Monitor> monitors = new CopyOnWriteArrayList<>();
    private volatile Monitor[] monitorArray = new Monitor[0];
    private final List<VideoTap> videoTaps = new CopyOnWriteArrayList<>();
    private volatile VideoTap[] tapArray = new VideoTap[0];
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong audioToMonitors = new AtomicLong();

    /** Adds a party's leg (before its answer is made); the SSRCs to declare in that answer. */
    public Map<String, Long> party(String name, Endpoint endpoint) {
        Party before = parties.get(name);
        Party p = before == null ? new Party(name, endpoint, new Out(), new Out())
                : new Party(name, endpoint, before.audioOutState, before.videoOutState, before.audioOut, before.videoOut);
        synchronized (parties) {
            parties.put(name, p);
            partyArray = parties.values().toArray(new Party[0]);
        }
        endpoint.listen(new Endpoint.Listener() {
            @Override
            public void rtp(Endpoint from, String kind, byte[] packet) {
                fromParty(p, kind, packet, packet.length);
            }

            @Override
            public void rtp(Endpoint from, String kind, byte[] buffer, int length) {
                fromParty(p, kind, buffer, length);
            }

            @Override
            public void rtcp(Endpoint from, byte[] packet) {
                feedback(p, packet);
            }
        });
        endpoint.connected().thenRun(() -> {
            Party other = other(p);
            if (other != null) {
                keyframe(other); // the new receiver needs a picture now, not at the next periodic keyframe
            }
        });
        return p.sendSsrc();
    }

    /** Adds a monitor of one party's video; the SSRC to declare (video only). */
    public Map<String, Long> monitor(String party, Endpoint endpoint) {
        Monitor m = new Monitor(endpoint, party);
        synchronized (monitors) {
            monitors.add(m);
            monitorArray = monitors.toArray(new Monitor[0]);
        }
        endpoint.listen(new Endpoint.Listener() {
            @Override
            public void rtp(Endpoint from, String kind, byte[] packet) {
                // a console sends nothing we forward
            }

            @Override
            public void rtcp(Endpoint from, byte[] packet) {
                Party source = parties.get(m.party);
                if (source != null) {
                    translateFeedback(packet, Map.of(m.videoOut, source.videoIn), source, Map.of(m.videoOut, m.out));
                }
            }
        });
        endpoint.connected().thenRun(() -> {
            Party source = parties.get(party);
            if (source != null) {
                keyframe(source);
            }
        });
        return Map.of("video", m.videoOut);
    }

    public void removeMonitor(Endpoint endpoint) {
        synchronized (monitors) {
            monitors.removeIf(m -> m.endpoint == endpoint);
            monitorArray = monitors.toArray(new Monitor[0]);
        }
    }

    /** Hears every video packet of every party (the recorder): party name and the plain RTP packet (a copy). */
    public void tapVideo(BiConsumer<String, byte[]> tap) {
        tapVideo((VideoTap) (party, buffer, length) -> tap.accept(party, java.util.Arrays.copyOf(buffer, length)));
    }

    /** Hears every video packet of every party (the recorder), without a copy. */
    public void tapVideo(VideoTap tap) {
        synchronized (videoTaps) {
            videoTaps.add(tap);
            tapArray = videoTaps.toArray(new VideoTap[0]);
        }
    }

    public long forwarded() {
        return forwarded.get();
    }

    /** Audio packets that were handed to a monitor: always zero, by construction. */
    public long audioToMonitors() {
        return audioToMonitors.get();
    }

    private Party other(Party p) {
        for (Party x : partyArray) {
            if (x != p) {
                return x;
            }
        }
        return null;
    }

    static void putInt(byte[] p, int at, int v) {
        p[at] = (byte) (v >> 24);
        p[at + 1] = (byte) (v >> 16);
        p[at + 2] = (byte) (v >> 8);
        p[at + 3] = (byte) v;
    }

    /**
     * One plain packet from a party, in the first {@code length} bytes of {@code packet} (the reader's buffer, left
     * unchanged): each copy we forward is rewritten and encrypted in this thread's scratch array.
     */
    private void fromParty(Party from, String kind, byte[] packet, int length) {
        long ssrc = Srtp.ssrc(packet, 8) & 0xffffffffL;
        boolean audio = kind.equals("audio");
        if (audio) {
            from.audioIn = ssrc;
        } else {
            from.videoIn = ssrc;
        }
        if (length + 32 > Endpoint.ROOM) {
            return; // never: the reader takes at most Endpoint.MAX_DATAGRAM bytes
        }
        byte[] out = SCRATCH.get();
        Party to = other(from);
        if (to != null) {
            int pt = to.endpoint.payloadType(kind);
            if (pt >= 0) {
                System.arraycopy(packet, 0, out, 0, length);
                out[1] = (byte) ((out[1] & 0x80) | pt);
                (audio ? to.audioOutState : to.videoOutState).number(out, ssrc, audio ? 960 : 3000);
                extensions(out, length, from.endpoint.absSendTimeId(kind), to.endpoint.absSendTimeId(kind));
                putInt(out, 8, (int) (audio ? to.audioOut : to.videoOut));
                if (to.endpoint.sendRtp(out, length)) {
                    forwarded.incrementAndGet();
                }
            }
        }
        if (audio) {
            return; // audio goes to the other party only: never to a monitor or a recorder
        }
        for (Monitor m : monitorArray) {
            if (m.party.equals(from.name)) {
                int pt = m.endpoint.payloadType("video");
                if (pt >= 0) {
                    System.arraycopy(packet, 0, out, 0, length);
                    out[1] = (byte) ((out[1] & 0x80) | pt);
                    m.out.number(out, ssrc, 3000);
                    extensions(out, length, from.endpoint.absSendTimeId("video"), m.endpoint.absSendTimeId("video"));
                    putInt(out, 8, (int) m.videoOut);
                    m.endpoint.sendRtp(out, length);
                }
            }
        }
        for (VideoTap tap : tapArray) {
            tap.packet(from.name, packet, length);
        }
    }

    /** A party's RTCP about what we sent it: forward the feedback to the other party, in that party's SSRCs. */
    private void feedback(Party from, byte[] compound) {
        Party source = other(from);
        if (source == null) {
            return;
        }
        translateFeedback(compound, Map.of(from.audioOut, source.audioIn, from.videoOut, source.videoIn), source,
                Map.of(from.audioOut, from.audioOutState, from.videoOut, from.videoOutState));
    }

    /**
     * Forwards the feedback packets (RTPFB 205: NACK; PSFB 206: PLI, FIR, REMB) of a compound RTCP packet to
     * {@code to}, with media SSRCs mapped from what we sent to what {@code to} sends. Reports and SDES stay here.
     */
    private void translateFeedback(byte[] compound, Map<Long, Long> ssrcs, Party to, Map<Long, Out> numbering) {
        int at = 0;
        while (at + 4 <= compound.length) {
            int pt = compound[at + 1] & 0xff;
            int words = ((compound[at + 2] & 0xff) << 8) | (compound[at + 3] & 0xff);
            int len = (words + 1) * 4;
            if (at + len > compound.length || len < 12) {
                return;
            }
            if (pt == 205 || pt == 206) {
                byte[] fb = java.util.Arrays.copyOfRange(compound, at, at + len);
                ByteBuffer b = ByteBuffer.wrap(fb);
                int fmt = fb[0] & 0x1f;
                Long media = ssrcs.get(b.getInt(8) & 0xffffffffL);
                boolean remb = pt == 206 && fmt == 15 && len >= 20 && fb[12] == 'R' && fb[13] == 'E' && fb[14] == 'M'
                        && fb[15] == 'B';
                if (remb) {
                    int count = fb[16] & 0xff;
                    for (int i = 0; i < count && 20 + 4 * i + 4 <= len; i++) {
                        Long mapped = ssrcs.get(b.getInt(20 + 4 * i) & 0xffffffffL);
                        if (mapped != null && mapped >= 0) {
                            b.putInt(20 + 4 * i, (int) (long) mapped);
                        }
                    }
                    to.endpoint.sendRtcp(fb);
                } else if (media != null && media >= 0) {
                    Out n = numbering.get(b.getInt(8) & 0xffffffffL);
                    if (pt == 205 && fmt == 1 && n != null) { // NACK: lost packets named in our numbering
                        for (int fci = 12; fci + 4 <= len; fci += 4) {
                            int pid = b.getShort(fci) & 0xffff;
                            b.putShort(fci, (short) n.sourceSeq(pid));
                        }
                    }
                    b.putInt(8, (int) (long) media);
                    if (pt == 206 && fmt == 4 && len >= 20) { // FIR names the SSRC again in its FCI
                        b.putInt(12, (int) (long) media);
                    }
                    to.endpoint.sendRtcp(fb);
                }
            }
            at += len;
        }
    }

    /**
     * Header extensions (one-byte form, RFC 8285) as the receiving leg numbered them: abs-send-time gets that leg's
     * id; an extension the receiving leg did not negotiate is blanked to padding.
     */
    static void extensions(byte[] p, int fromId, int toId) {
        extensions(p, p.length, fromId, toId);
    }

    /** {@link #extensions(byte[], int, int)} of the packet in the first {@code length} bytes of {@code p}. */
    static void extensions(byte[] p, int length, int fromId, int toId) {
        if ((p[0] & 0x10) == 0) {
            return;
        }
        int at = 12 + 4 * (p[0] & 0x0f);
        if (at + 4 > length || (p[at] & 0xff) != 0xBE || (p[at + 1] & 0xff) != 0xDE) {
            return;
        }
        int end = Math.min(length, at + 4 + 4 * (((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff)));
        int i = at + 4;
        while (i < end) {
            int id = (p[i] & 0xf0) >> 4;
            if (id == 0) {
                i++; // padding
                continue;
            }
            if (id == 15) {
                return;
            }
            int len = (p[i] & 0x0f) + 1;
            if (id == fromId && toId > 0) {
                p[i] = (byte) ((toId << 4) | (p[i] & 0x0f));
            } else {
                java.util.Arrays.fill(p, i, Math.min(end, i + 1 + len), (byte) 0);
            }
            i += 1 + len;
        }
    }

    /** Asks a party for a keyframe (PLI, RFC 4585). */
    void keyframe(Party p) {
        if (p.videoIn < 0) {
            return;
        }
        ByteBuffer pli = ByteBuffer.allocate(12);
        pli.put((byte) 0x81).put((byte) 206).putShort((short) 2).putInt((int) p.videoOut).putInt((int) p.videoIn);
        p.endpoint.sendRtcp(pli.array());
    }
}

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

    /** One party's leg: its endpoint, the SSRCs we send to it, and the SSRCs it sends. */
    final class Party {
        final String name;
        final Endpoint endpoint;
        final long audioOut = RANDOM.nextInt() & 0xffffffffL;
        final long videoOut = RANDOM.nextInt() & 0xffffffffL;
        volatile long audioIn = -1;
        volatile long videoIn = -1;

        Party(String name, Endpoint endpoint) {
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

        Monitor(Endpoint endpoint, String party) {
            this.endpoint = endpoint;
            this.party = party;
        }
    }

    private final Map<String, Party> parties = new ConcurrentHashMap<>();
    private final List<Monitor> monitors = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, byte[]>> videoTaps = new CopyOnWriteArrayList<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong audioToMonitors = new AtomicLong();

    /** Adds a party's leg (before its answer is made); the SSRCs to declare in that answer. */
    public Map<String, Long> party(String name, Endpoint endpoint) {
        Party p = new Party(name, endpoint);
        parties.put(name, p);
        endpoint.listen(new Endpoint.Listener() {
            @Override
            public void rtp(Endpoint from, String kind, byte[] packet) {
                fromParty(p, kind, packet);
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
        monitors.add(m);
        endpoint.listen(new Endpoint.Listener() {
            @Override
            public void rtp(Endpoint from, String kind, byte[] packet) {
                // a console sends nothing we forward
            }

            @Override
            public void rtcp(Endpoint from, byte[] packet) {
                Party source = parties.get(m.party);
                if (source != null) {
                    translateFeedback(packet, Map.of(m.videoOut, source.videoIn), source);
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
        monitors.removeIf(m -> m.endpoint == endpoint);
    }

    /** Hears every video packet of every party (the recorder): party name and the plain RTP packet. */
    public void tapVideo(BiConsumer<String, byte[]> tap) {
        videoTaps.add(tap);
    }

    public long forwarded() {
        return forwarded.get();
    }

    /** Audio packets that were handed to a monitor: always zero, by construction. */
    public long audioToMonitors() {
        return audioToMonitors.get();
    }

    private Party other(Party p) {
        return parties.values().stream().filter(x -> x != p).findFirst().orElse(null);
    }

    private void fromParty(Party from, String kind, byte[] packet) {
        long ssrc = Srtp.ssrc(packet, 8) & 0xffffffffL;
        if (kind.equals("audio")) {
            from.audioIn = ssrc;
        } else {
            from.videoIn = ssrc;
        }
        Party to = other(from);
        if (to != null) {
            int pt = to.endpoint.payloadType(kind);
            if (pt >= 0) {
                byte[] out = packet.clone();
                out[1] = (byte) ((out[1] & 0x80) | pt);
                ByteBuffer.wrap(out).putInt(8, (int) (kind.equals("audio") ? to.audioOut : to.videoOut));
                if (to.endpoint.sendRtp(out)) {
                    forwarded.incrementAndGet();
                }
            }
        }
        if (!kind.equals("video")) {
            return; // audio goes to the other party only: never to a monitor or a recorder
        }
        for (Monitor m : monitors) {
            if (m.party.equals(from.name)) {
                int pt = m.endpoint.payloadType("video");
                if (pt >= 0) {
                    byte[] out = packet.clone();
                    out[1] = (byte) ((out[1] & 0x80) | pt);
                    ByteBuffer.wrap(out).putInt(8, (int) m.videoOut);
                    m.endpoint.sendRtp(out);
                }
            }
        }
        for (BiConsumer<String, byte[]> tap : videoTaps) {
            tap.accept(from.name, packet);
        }
    }

    /** A party's RTCP about what we sent it: forward the feedback to the other party, in that party's SSRCs. */
    private void feedback(Party from, byte[] compound) {
        Party source = other(from);
        if (source == null) {
            return;
        }
        translateFeedback(compound, Map.of(from.audioOut, source.audioIn, from.videoOut, source.videoIn), source);
    }

    /**
     * Forwards the feedback packets (RTPFB 205: NACK; PSFB 206: PLI, FIR, REMB) of a compound RTCP packet to
     * {@code to}, with media SSRCs mapped from what we sent to what {@code to} sends. Reports and SDES stay here.
     */
    private void translateFeedback(byte[] compound, Map<Long, Long> ssrcs, Party to) {
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

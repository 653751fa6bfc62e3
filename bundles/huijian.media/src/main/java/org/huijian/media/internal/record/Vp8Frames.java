package org.huijian.media.internal.record;

import java.util.Map;
import java.util.TreeMap;

/**
 * Puts VP8 frames back together from RTP packets (RFC 7741), in order, without decoding them: packets of one frame
 * share a timestamp, the first has S=1 and partition 0, the last carries the marker bit. A little reordering (and
 * NACK retransmissions) is absorbed by holding incomplete frames up to {@link #HOLD_FRAMES} frames; a frame that
 * stays incomplete is dropped, and then nothing is passed on until the next keyframe, so the recording never holds a
 * frame that cannot be decoded.
 */
final class Vp8Frames {
    static final int HOLD_FRAMES = 8;

    /** A complete frame: the VP8 bytes, its RTP timestamp (unwrapped, 90 kHz), whether it is a keyframe. */
    record Frame(byte[] data, long timestamp, boolean keyframe) {
    }

    interface Sink {
        void frame(Frame f) throws java.io.IOException;
    }

    private static final class Pending {
        final TreeMap<Integer, byte[]> payloads = new TreeMap<>();
        int first = -1;
        int last = -1;
    }

    private final Sink sink;
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private long lastTimestamp = Long.MIN_VALUE;
    private long newest;
    private boolean any;
    private boolean needKeyframe = true;
    private long dropped;
    private long malformed;

    Vp8Frames(Sink sink) {
        this.sink = sink;
    }

    long dropped() {
        return dropped;
    }

    long malformed() {
        return malformed;
    }

    /** Takes one plain RTP packet carrying VP8. */
    void packet(byte[] p) throws java.io.IOException {
        packet(p, p.length);
    }

    /** Takes one plain RTP packet carrying VP8, the first {@code length} bytes of {@code p} (only the payload is kept). */
    void packet(byte[] p, int length) throws java.io.IOException {
        if (length < 13 || (p[0] & 0xc0) != 0x80) {
            malformed++;
            return;
        }
        int cc = p[0] & 0x0f;
        int at = 12 + 4 * cc;
        if ((p[0] & 0x10) != 0) { // header extension
            if (at + 4 > length) {
                malformed++;
                return;
            }
            at += 4 + 4 * (((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff));
        }
        int end = length;
        if ((p[0] & 0x20) != 0) { // padding
            end -= p[length - 1] & 0xff;
        }
        if (at >= end) {
            malformed++;
            return;
        }
        boolean marker = (p[1] & 0x80) != 0;
        int seq = ((p[2] & 0xff) << 8) | (p[3] & 0xff);
        int rawTs = ((p[4] & 0xff) << 24) | ((p[5] & 0xff) << 16) | ((p[6] & 0xff) << 8) | (p[7] & 0xff);
        // VP8 payload descriptor
        int d = p[at];
        boolean start = (d & 0x10) != 0 && (d & 0x07) == 0;
        int h = at + 1;
        if ((d & 0x80) != 0) {
            if (h >= end) {
                malformed++;
                return;
            }
            int x = p[h++];
            if ((x & 0x80) != 0) { // PictureID
                if (h >= end) {
                    malformed++;
                    return;
                }
                h += (p[h] & 0x80) != 0 ? 2 : 1;
            }
            if ((x & 0x40) != 0) {
                h++; // TL0PICIDX
            }
            if ((x & 0x30) != 0) {
                h++; // TID/KEYIDX
            }
        }
        if (h > end) {
            malformed++;
            return;
        }
        long ts = unwrap(rawTs);
        if (ts <= lastTimestamp) {
            return; // a late packet of a frame already passed on or dropped
        }
        Pending f = pending.computeIfAbsent(ts, k -> new Pending());
        long key = seqKey(f, seq);
        f.payloads.put((int) key, java.util.Arrays.copyOfRange(p, h, end));
        if (start) {
            f.first = (int) key;
        }
        if (marker) {
            f.last = (int) key;
        }
        drain();
    }

    /** Sequence numbers within one frame, made monotonic across the 16-bit wrap. */
    private static long seqKey(Pending f, int seq) {
        if (!f.payloads.isEmpty()) {
            int ref = f.payloads.firstKey();
            int delta = (short) (seq - (ref & 0xffff));
            return ref + delta;
        }
        return seq + 65536L;
    }

    /** The RTP timestamp on a 64-bit clock that does not wrap (a signed 32-bit step from the newest one seen). */
    private long unwrap(int raw) {
        if (!any) {
            any = true;
            newest = (raw & 0xffffffffL) + (1L << 32);
            return newest;
        }
        long u = newest + (int) (raw - (int) newest);
        newest = Math.max(newest, u);
        return u;
    }

    private void drain() throws java.io.IOException {
        while (!pending.isEmpty()) {
            Map.Entry<Long, Pending> oldest = pending.firstEntry();
            Pending f = oldest.getValue();
            boolean complete = f.first >= 0 && f.last >= 0 && f.last - f.first + 1 == f.payloads.size();
            if (!complete) {
                if (pending.size() > HOLD_FRAMES) {
                    pending.pollFirstEntry();
                    lastTimestamp = oldest.getKey();
                    dropped++;
                    needKeyframe = true;
                    continue;
                }
                return;
            }
            pending.pollFirstEntry();
            lastTimestamp = oldest.getKey();
            int size = 0;
            for (byte[] part : f.payloads.values()) {
                size += part.length;
            }
            byte[] data = new byte[size]; // one array of the frame's size, no growing copies
            int at = 0;
            for (byte[] part : f.payloads.values()) {
                System.arraycopy(part, 0, data, at, part.length);
                at += part.length;
            }
            if (data.length < 10) {
                malformed++;
                continue;
            }
            boolean keyframe = (data[0] & 0x01) == 0 && (data[3] & 0xff) == 0x9d && (data[4] & 0xff) == 0x01
                    && (data[5] & 0xff) == 0x2a;
            if (needKeyframe && !keyframe) {
                dropped++;
                continue;
            }
            needKeyframe = false;
            sink.frame(new Frame(data, oldest.getKey(), keyframe));
        }
    }
}

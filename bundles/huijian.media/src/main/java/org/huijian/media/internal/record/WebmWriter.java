package org.huijian.media.internal.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebM file of one VP8 video track, written as the frames come: the EBML header, a Segment of unknown size, Info,
 * Tracks, then one Cluster at a time (it starts at a keyframe, or after two seconds). Frames go to the file as they
 * are handed over (several at a time: {@link #flush()}), into a cluster whose size says "unknown" (as in live WebM)
 * until the cluster is complete; then its size is written in, and {@link #force()} (called by the recorder thread,
 * never on the relaying one) puts completed clusters on the disk. After a crash the file plays up to the last frame
 * written (the last cluster, of unknown size, ends where the file ends). Writing frame by frame, rather than a
 * whole cluster at once, also spreads the writing evenly instead of in bursts of two seconds of video.
 * {@link #close()} writes the duration into Info. No transcoding: the frames are the sender's own VP8.
 */
public final class WebmWriter implements AutoCloseable {
    static final int EBML = 0x1A45DFA3;
    static final int SEGMENT = 0x18538067;
    static final int INFO = 0x1549A966;
    static final int TIMECODE_SCALE = 0x2AD7B1;
    static final int DURATION = 0x4489;
    static final int MUXING_APP = 0x4D80;
    static final int WRITING_APP = 0x5741;
    static final int TRACKS = 0x1654AE6B;
    static final int TRACK_ENTRY = 0xAE;
    static final int CLUSTER = 0x1F43B675;
    static final int TIMECODE = 0xE7;
    static final int SIMPLE_BLOCK = 0xA3;
    static final long MAX_CLUSTER_MS = 2000;

    private final FileChannel file;
    /** Whether a cluster was completed and not yet forced to disk. */
    private boolean unforced;
    /** EBML's "unknown size" in 8 bytes: what a cluster says until it is complete. */
    static final long UNKNOWN_SIZE = 0x01FFFFFFFFFFFFFFL;

    /** A SimpleBlock's head, built here before it goes out with its frame. */
    private final ByteArrayOutputStream blockHead = new ByteArrayOutputStream(16);
    /** Blocks (head, frame, head, frame, …) waiting for {@link #flush()}: one gathering write for several frames. */
    private final List<ByteBuffer> pending = new ArrayList<>();
    /** Where the open cluster's size field is in the file, and how many bytes its content has so far. */
    private long clusterSizeAt = -1;
    private long clusterBytes;
    private long durationAt = -1;
    private long clusterStart = -1;
    private long firstMs = -1;
    private long lastMs;
    private long frames;
    private long bytes;
    private boolean headerWritten;

    public WebmWriter(Path path) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    public long frames() {
        return frames;
    }

    public long bytes() {
        return bytes;
    }

    /** Milliseconds from the first frame to the last. */
    public long durationMs() {
        return firstMs < 0 ? 0 : lastMs - firstMs;
    }

    /**
     * Adds one VP8 frame at {@code ms} (milliseconds on the stream's own clock). The first frame written must be a
     * keyframe (its size is the track's); earlier frames are not decodable and are skipped by the caller.
     */
    public void frame(byte[] vp8, long ms, boolean keyframe) throws IOException {
        if (!headerWritten) {
            if (!keyframe) {
                return;
            }
            int width = ((vp8[7] & 0xff) << 8 | (vp8[6] & 0xff)) & 0x3fff;
            int height = ((vp8[9] & 0xff) << 8 | (vp8[8] & 0xff)) & 0x3fff;
            header(width, height);
            firstMs = ms;
        }
        long t = ms - firstMs;
        if (t < lastMs - firstMs) {
            t = lastMs - firstMs; // never backwards
        }
        if (clusterStart >= 0 && (keyframe || t - clusterStart >= MAX_CLUSTER_MS)) {
            finishCluster();
        }
        if (clusterStart < 0) {
            startCluster(t);
        }
        // a SimpleBlock, straight to the file: track 1, timecode relative to the cluster, flags, the frame
        blockHead.reset();
        id(blockHead, SIMPLE_BLOCK);
        size(blockHead, vp8.length + 4);
        blockHead.write(0x81); // track 1
        int relative = (int) (t - clusterStart);
        blockHead.write(relative >> 8);
        blockHead.write(relative);
        blockHead.write(keyframe ? 0x80 : 0x00);
        pending.add(ByteBuffer.wrap(blockHead.toByteArray()));
        pending.add(ByteBuffer.wrap(vp8));
        long n = blockHead.size() + vp8.length;
        bytes += n;
        clusterBytes += n;
        lastMs = firstMs + t;
        frames++;
    }

    private void header(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream ebml = new ByteArrayOutputStream();
        uint(ebml, 0x4286, 1);
        uint(ebml, 0x42F7, 1);
        uint(ebml, 0x42F2, 4);
        uint(ebml, 0x42F3, 8);
        element(ebml, 0x4282, "webm".getBytes(StandardCharsets.US_ASCII));
        uint(ebml, 0x4287, 4);
        uint(ebml, 0x4285, 2);
        element(out, EBML, ebml.toByteArray());
        id(out, SEGMENT);
        out.write(new byte[] { 0x01, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff }); // unknown size: the file stays valid however far it got
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        uint(info, TIMECODE_SCALE, 1_000_000);
        element(info, MUXING_APP, "huijian-media".getBytes(StandardCharsets.US_ASCII));
        element(info, WRITING_APP, "huijian-media".getBytes(StandardCharsets.US_ASCII));
        int durationOffsetInInfo = info.size();
        element(info, DURATION, ByteBuffer.allocate(8).putDouble(0).array());
        id(out, INFO);
        size(out, info.size());
        durationAt = out.size() + durationOffsetInInfo + 3; // after the Duration ID (2 bytes) and size (1 byte)
        out.write(info.toByteArray());
        ByteArrayOutputStream track = new ByteArrayOutputStream();
        uint(track, 0xD7, 1); // TrackNumber
        uint(track, 0x73C5, 1); // TrackUID
        uint(track, 0x83, 1); // TrackType video
        uint(track, 0x9C, 0); // FlagLacing
        element(track, 0x86, "V_VP8".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream video = new ByteArrayOutputStream();
        uint(video, 0xB0, width);
        uint(video, 0xBA, height);
        element(track, 0xE0, video.toByteArray());
        ByteArrayOutputStream tracks = new ByteArrayOutputStream();
        element(tracks, TRACK_ENTRY, track.toByteArray());
        element(out, TRACKS, tracks.toByteArray());
        write(out.toByteArray());
        headerWritten = true;
    }

    /** Writes the frames added since the last call, in one system call where it can. */
    public void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuffer[] out = pending.toArray(new ByteBuffer[0]);
        ByteBuffer last = out[out.length - 1];
        while (last.hasRemaining()) {
            file.write(out);
        }
        pending.clear();
    }

    /** Opens a cluster at {@code t}: its size is unknown until it is finished, so a crash leaves it readable. */
    private void startCluster(long t) throws IOException {
        flush();
        ByteArrayOutputStream timecode = new ByteArrayOutputStream(16);
        uint(timecode, TIMECODE, t);
        ByteArrayOutputStream head = new ByteArrayOutputStream(32);
        id(head, CLUSTER);
        clusterSizeAt = bytes + head.size();
        head.write(ByteBuffer.allocate(8).putLong(UNKNOWN_SIZE).array(), 0, 8);
        timecode.writeTo(head);
        write(head.toByteArray());
        clusterStart = t;
        clusterBytes = timecode.size();
    }

    /** Writes the finished cluster's size over its "unknown"; {@link #force()} puts it on the disk. */
    private void finishCluster() throws IOException {
        if (clusterStart < 0) {
            return;
        }
        flush();
        ByteBuffer size = ByteBuffer.allocate(8).putLong(clusterBytes | 1L << 56).flip();
        while (size.hasRemaining()) {
            file.write(size, clusterSizeAt + size.position());
        }
        unforced = true;
        clusterStart = -1;
    }

    /** Forces the file's data to disk ({@code fdatasync}) if a cluster was completed since; whether it did. */
    public boolean force() throws IOException {
        if (!unforced) {
            return false;
        }
        file.force(false);
        unforced = false;
        return true;
    }

    private void write(byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            file.write(buf);
        }
        bytes += b.length;
    }

    /**
     * Writes the last cluster and the duration, and closes the file. The file's SHA-256 is taken from the finished
     * file by whoever seals its record (the duration is patched in last).
     */
    @Override
    public void close() throws IOException {
        try {
            finishCluster();
            if (headerWritten && durationAt > 0) {
                // one frame's worth past the last timestamp
                double duration = durationMs() + (frames > 1 ? (double) durationMs() / (frames - 1) : 33);
                file.write(ByteBuffer.wrap(ByteBuffer.allocate(8).putDouble(duration).array()), durationAt);
            }
            file.force(true);
        } finally {
            file.close();
        }
    }

    // ---- EBML ----

    static void id(ByteArrayOutputStream out, int id) {
        if ((id & 0xff000000) != 0) {
            out.write(id >>> 24);
        }
        if ((id & 0xffff0000) != 0) {
            out.write(id >>> 16);
        }
        if ((id & 0xffffff00) != 0) {
            out.write(id >>> 8);
        }
        out.write(id);
    }

    static void size(ByteArrayOutputStream out, long size) {
        int len = 1;
        while (len < 8 && size >= (1L << (7 * len)) - 1) {
            len++;
        }
        long marked = size | (1L << (7 * len));
        for (int i = len - 1; i >= 0; i--) {
            out.write((int) (marked >>> (8 * i)));
        }
    }

    static void element(ByteArrayOutputStream out, int id, byte[] data) {
        id(out, id);
        size(out, data.length);
        out.write(data, 0, data.length);
    }

    static void uint(ByteArrayOutputStream out, int id, long value) {
        int len = 1;
        while (len < 8 && value >>> (8 * len) != 0) {
            len++;
        }
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[len - 1 - i] = (byte) (value >>> (8 * i));
        }
        element(out, id, b);
    }
}

package org.huijian.media.internal.record;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Records one party's video of a meeting: plain VP8 RTP packets in, a WebM file out (one per party). Audio never
 * comes here — the relay taps video only.
 */
public final class Recorder implements AutoCloseable {
    private final WebmWriter writer;
    private final Vp8Frames frames;
    private final Path path;
    private final java.time.Instant started = java.time.Instant.now();
    private boolean closed;

    public Recorder(Path path) throws IOException {
        this.path = path;
        this.writer = new WebmWriter(path);
        this.frames = new Vp8Frames(f -> writer.frame(f.data(), f.timestamp() / 90, f.keyframe()));
    }

    public java.time.Instant started() {
        return started;
    }

    public Path path() {
        return path;
    }

    /** One plain RTP packet of the party's VP8 video. */
    public synchronized void packet(byte[] rtp) throws IOException {
        packet(rtp, rtp.length);
    }

    /** One plain RTP packet in the first {@code length} bytes of {@code buffer} (the payload is copied, not kept). */
    public synchronized void packet(byte[] buffer, int length) throws IOException {
        if (!closed) {
            frames.packet(buffer, length);
        }
    }

    public synchronized long frames() {
        return writer.frames();
    }

    public synchronized long durationMs() {
        return writer.durationMs();
    }

    /** Frames dropped as incomplete (or undecodable until the next keyframe), and packets that did not parse. */
    public synchronized long lost() {
        return frames.dropped() + frames.malformed();
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}

package org.huijian.media.internal.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records one party's video of a meeting: plain VP8 RTP packets in, a WebM file out (one per party). Audio never
 * comes here — the relay taps video only.
 *
 * <p>The packets arrive on the relaying thread of the party's leg; frames are put together there (the payload is
 * copied, the caller's buffer is not kept), but written on the recorder thread, every {@value #COALESCE_MS} ms:
 * finishing a cluster forces it to disk, and an {@code fdatasync} on the relaying thread would hold up the party's
 * media to the other party and the consoles (it did: p99 latency through the bridge rose from under 2 ms to 7–60 ms
 * at 40–60 meetings). Each recorder's frames are written in order; {@link #close()} writes what is still queued before it seals the file.
 */
public final class Recorder implements AutoCloseable {
    /**
     * How long frames wait to be written together. The writer wakes at most this often, not once per frame: at 100
     * meetings that is 10 wake-ups a second instead of 6,000, each of which used to take the processor from the
     * relaying thread.
     */
    static final long COALESCE_MS = 100;

    /** The thread that writes every recorder's frames; it ends after 30 s without work. */
    private static final ScheduledThreadPoolExecutor WRITER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "huijian-recorder");
        t.setDaemon(true);
        return t;
    });
    /** Recorders with frames queued, each once. */
    private static final ConcurrentLinkedQueue<Recorder> DIRTY = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean WRITE_SCHEDULED = new AtomicBoolean();

    static {
        WRITER.setKeepAliveTime(30, TimeUnit.SECONDS);
        WRITER.allowCoreThreadTimeOut(true);
    }

    private final WebmWriter writer;
    private final Vp8Frames frames;
    private final Path path;
    private final java.time.Instant started = java.time.Instant.now();
    private final ConcurrentLinkedQueue<Vp8Frames.Frame> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile IOException failed;
    /** Guarded by this: whether {@link #packet} has thrown {@link #failed} already. */
    private boolean failureReported;
    private boolean closed;
    /** Guarded by {@link #writer}'s lock, like every call on the writer. */
    private boolean sealed;

    public Recorder(Path path) throws IOException {
        this.path = path;
        this.writer = new WebmWriter(path);
        this.frames = new Vp8Frames(this::queue);
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

    /**
     * One plain RTP packet in the first {@code length} bytes of {@code buffer} (the payload is copied, not kept).
     * Throws what writing an earlier frame failed with, once (a full disk would otherwise be reported for every
     * packet); after that the packets are ignored.
     */
    public synchronized void packet(byte[] buffer, int length) throws IOException {
        IOException f = failed;
        if (f != null) {
            if (!failureReported) {
                failureReported = true;
                throw f;
            }
            return;
        }
        if (!closed) {
            frames.packet(buffer, length);
        }
    }

    private void queue(Vp8Frames.Frame f) {
        queued.add(f);
        if (scheduled.compareAndSet(false, true)) {
            DIRTY.add(this);
            if (WRITE_SCHEDULED.compareAndSet(false, true)) {
                WRITER.schedule(Recorder::writeAll, COALESCE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** On the recorder thread: writes what every recorder has queued. */
    private static void writeAll() {
        WRITE_SCHEDULED.set(false); // a recorder queuing from now on schedules the next round
        for (Recorder r; (r = DIRTY.poll()) != null;) {
            r.write();
        }
    }

    /** On the recorder thread: writes what is queued, in order. */
    private void write() {
        while (true) {
            drain();
            scheduled.set(false);
            if (queued.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return; // nothing left, or a newer task writes it
            }
        }
    }

    private void drain() {
        synchronized (writer) {
            for (Vp8Frames.Frame f; (f = queued.poll()) != null;) {
                if (sealed || failed != null) {
                    continue;
                }
                try {
                    writer.frame(f.data(), f.timestamp() / 90, f.keyframe());
                } catch (IOException e) {
                    failed = e;
                }
            }
            try {
                writer.flush();
            } catch (IOException e) {
                failed = e;
            }
        }
    }

    public long frames() {
        synchronized (writer) {
            return writer.frames();
        }
    }

    public long durationMs() {
        synchronized (writer) {
            return writer.durationMs();
        }
    }

    /** Frames dropped as incomplete (or undecodable until the next keyframe), and packets that did not parse. */
    public synchronized long lost() {
        return frames.dropped() + frames.malformed();
    }

    /** Writes what is still queued, then seals the file. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        synchronized (writer) {
            drain();
            sealed = true;
            writer.close();
        }
        IOException f = failed;
        if (f != null) {
            throw f;
        }
    }
}

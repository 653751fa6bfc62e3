package org.huijian.media.internal.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one party's video of a meeting: plain VP8 RTP packets in, a WebM file out (one per party). Audio never
 * comes here — the relay taps video only.
 *
 * <p>The packets arrive on the relaying thread of the party's leg; frames are put together there (the payload is
 * copied, the caller's buffer is not kept), but written on the recorder thread, every {@value #COALESCE_MS} ms, which
 * also forces completed clusters to disk: an {@code fdatasync} on the relaying thread would hold up the party's media
 * to the other party and the consoles (it did: p99 latency through the bridge rose from under 2 ms to 7–60 ms at
 * 40–60 meetings). The recorder thread runs in Linux's idle class, so a round never keeps the relaying thread
 * waiting; when it cannot keep up, the relaying thread writes (not forces) its party's frames itself, a few at a
 * time ({@link #backlogLimit}). Forced clusters leave the page cache ({@link LinuxCalls#dropCached}). Each
 * recorder's frames are written in order; {@link #close()} writes what is still queued before it seals the file.
 */
public final class Recorder implements AutoCloseable {
    /**
     * How long frames wait to be written together. The writer wakes at most this often, not once per frame: at 100
     * meetings that is 20 wake-ups a second instead of 6,000, each of which used to take the processor from the
     * relaying thread. 50 ms rather than 100: the frames waiting are on the heap, and a young collection copies them
     * (pauses up to 20 ms with 100 ms rounds at 100 meetings).
     */
    static final long COALESCE_MS = 50;

    /**
     * Frames queued and not yet written, in bytes (all recorders), above which the thread that queues a frame
     * writes it itself. The recorder thread runs only on an otherwise idle processor ({@link LinuxCalls#idle()});
     * when the processor is busy for long (another bundle's work), the backlog would grow without bound (~75 MB a
     * second at 100 meetings). Then the relaying thread writes the frames of the recorder it feeds, a few at a
     * time, and the recording stays whole (the recorder thread still puts finished clusters on the disk). 8 MiB:
     * two rounds at 100 meetings. Not final for tests.
     */
    static long backlogLimit = 8 << 20;
    /**
     * Over the backlog limit, a relaying thread writes once its recorder has this many frames queued (~130 ms of
     * video), not frame by frame: one system call per frame would cost the relaying thread more than the recorder
     * thread's rounds cost, at the moment the core has the least to spare.
     */
    static final int INLINE_FRAMES = 4;
    private static final AtomicLong BACKLOG = new AtomicLong();
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    /** When the backlog limit was last reported (System.nanoTime): at most once a minute. */
    private static final AtomicLong BEHIND_REPORTED = new AtomicLong(System.nanoTime() - 60_000_000_000L);
    private static final AtomicLong BEHIND = new AtomicLong();

    /** The thread that writes every recorder's frames, in SCHED_IDLE; it ends after 30 s without work. */
    private static final ScheduledThreadPoolExecutor WRITER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(() -> {
            String why = LinuxCalls.idle();
            if (why != null) {
                LOG.info("The recorder thread runs at normal priority ({}): its writing competes with the relay", why);
            }
            r.run();
        }, "huijian-recorder");
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
    /** How many frames {@link #queued} holds. */
    private final AtomicInteger queuedFrames = new AtomicInteger();
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
        int waiting = queuedFrames.incrementAndGet();
        if (BACKLOG.addAndGet(f.data().length) > backlogLimit && waiting >= INLINE_FRAMES) {
            BEHIND.incrementAndGet();
            long reported = BEHIND_REPORTED.get();
            long now = System.nanoTime();
            if (now - reported > 60_000_000_000L && BEHIND_REPORTED.compareAndSet(reported, now)) {
                LOG.warn("Recording fell {} MiB behind (the processor was busy): relaying threads wrote frames "
                        + "themselves {} times since the last such report", BACKLOG.get() >> 20, BEHIND.getAndSet(0));
            }
            drain(false); // this recorder's frames only: the writing is spread over the packets, not one long stall
            return;
        }
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
            drain(true);
            scheduled.set(false);
            if (queued.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return; // nothing left, or a newer task writes it
            }
        }
    }

    /** Writes the queued frames; {@code force}: also puts completed clusters on disk (never on a relaying thread). */
    private void drain(boolean force) {
        synchronized (writer) {
            for (Vp8Frames.Frame f; (f = queued.poll()) != null;) {
                queuedFrames.decrementAndGet();
                BACKLOG.addAndGet(-f.data().length);
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
                if (force && !sealed && writer.force()) {
                    LinuxCalls.dropCached(path); // on disk now: the cache need not keep it
                }
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
            drain(false); // close() forces
            sealed = true;
            writer.close();
            LinuxCalls.dropCached(path);
        }
        IOException f = failed;
        if (f != null) {
            throw f;
        }
    }
}

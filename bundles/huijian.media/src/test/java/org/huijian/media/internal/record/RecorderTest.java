package org.huijian.media.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where and when the recorder writes: on an idle-class thread in rounds, or at once when the backlog is too big. */
class RecorderTest {
    @TempDir
    Path dir;

    /** One VP8 frame in one RTP packet (start and marker set). */
    static byte[] rtp(int n) {
        return rtp(n, WebmWriterTest.frame(n % 30 == 0, n));
    }

    static byte[] rtp(int n, byte[] vp8) {
        byte[] p = new byte[13 + vp8.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) (0x80 | 96);
        p[2] = (byte) (n >> 8);
        p[3] = (byte) n;
        int ts = 90_000 + n * 3000;
        p[4] = (byte) (ts >> 24);
        p[5] = (byte) (ts >> 16);
        p[6] = (byte) (ts >> 8);
        p[7] = (byte) ts;
        p[11] = 1;
        p[12] = 0x10; // VP8 payload descriptor: start of partition 0
        System.arraycopy(vp8, 0, p, 13, vp8.length);
        return p;
    }

    @Test
    void theRecorderThreadWritesInRoundsInLinuxsIdleClass() throws Exception {
        try (Recorder r = new Recorder(dir.resolve("a.webm"))) {
            for (int i = 0; i < 30; i++) {
                r.packet(rtp(i));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (r.frames() < 30 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(30, r.frames(), "written by the recorder thread's round");
            Path task = null;
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    if (Files.readString(t.resolve("comm")).strip().equals("huijian-recorde")) { // 15 characters
                        task = t;
                    }
                }
            }
            assertTrue(task != null, "a thread named huijian-recorder");
            // SCHED_IDLE is policy 5
            assertTrue(Files.readAllLines(task.resolve("sched")).stream().anyMatch(l -> l.matches("policy\\s*:\\s*5")),
                    "the recorder thread is in SCHED_IDLE");
        }
    }

    @Test
    void overTheBacklogLimitTheQueuingThreadWritesAtOnce() throws Exception {
        long limit = Recorder.backlogLimit;
        Recorder.backlogLimit = 0; // every frame is over it
        try (Recorder r = new Recorder(dir.resolve("b.webm"))) {
            for (int i = 0; i < 30; i++) {
                r.packet(rtp(i));
                int written = (i + 1) / Recorder.INLINE_FRAMES * Recorder.INLINE_FRAMES;
                // the recorder thread's round may have written more meanwhile, never fewer
                assertTrue(r.frames() >= written, "after frame " + i + ": " + r.frames()
                        + " written, expected at least " + written + " before packet() returned");
            }
        } finally {
            Recorder.backlogLimit = limit;
        }
        assertTrue(Files.size(dir.resolve("b.webm")) > 30 * 40);
    }

    @Test
    void writtenClustersLeaveThePageCache() throws Exception {
        // on the build's own disk: in a tmpfs (as /tmp may be) the cache is the file
        Path file = Files.createDirectories(Path.of("target", "page-cache-test")).resolve("c.webm");
        Files.deleteIfExists(file);
        int frames = 300; // 10 clusters of 30 frames (a keyframe each), 10 KB a frame: 3 MB
        try (Recorder r = new Recorder(file)) {
            for (int i = 0; i < frames; i++) {
                byte[] vp8 = WebmWriterTest.frame(i % 30 == 0, i);
                vp8 = java.util.Arrays.copyOf(vp8, 10_000);
                r.packet(rtp(i, vp8));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (r.frames() < frames && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(frames, r.frames());
            long size = Files.size(file);
            assertTrue(size > 3_000_000, "size " + size);
            // the round that wrote the last frames forces the completed clusters and drops them: wait for it
            long cached = cached(file);
            while (cached >= 500_000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
                cached = cached(file);
            }
            assertTrue(cached < 500_000, cached + " of " + size + " bytes still in the page cache while recording "
                    + "(the unfinished cluster may be)");
        }
        assertTrue(cached(file) < 100_000, cached(file) + " bytes in the page cache after closing");
    }

    /** Bytes of the file in the page cache, from util-linux's fincore. */
    static long cached(Path file) throws Exception {
        Process p = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return Long.parseLong(out);
    }
}

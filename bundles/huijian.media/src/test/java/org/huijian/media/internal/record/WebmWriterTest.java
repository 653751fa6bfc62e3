package org.huijian.media.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebM container on its own: every frame given is a packet ffprobe finds, at its time; the duration is set. */
class WebmWriterTest {
    @TempDir
    Path dir;

    static byte[] frame(boolean key, int n) {
        byte[] f = new byte[40 + n % 7];
        f[0] = (byte) (key ? 0x10 : 0x11);
        if (key) {
            f[3] = (byte) 0x9d;
            f[4] = 0x01;
            f[5] = 0x2a;
            f[6] = (byte) (640 & 0xff);
            f[7] = (byte) (640 >> 8);
            f[8] = (byte) (360 & 0xff);
            f[9] = (byte) (360 >> 8);
        }
        return f;
    }

    @Test
    void everyFrameIsAPacketAtItsTime() throws Exception {
        Path file = dir.resolve("t.webm");
        try (WebmWriter w = new WebmWriter(file)) {
            for (int i = 0; i < 300; i++) {
                w.frame(frame(i % 100 == 0, i), 5000 + i * 33L, i % 100 == 0);
            }
            assertEquals(300, w.frames());
        }
        String pts = RecordingBrowserTest.ffprobe(file, "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                "-of", "csv=p=0");
        long packets = pts.lines().filter(x -> !x.isBlank()).count();
        assertEquals(300, packets, pts);
        String format = RecordingBrowserTest.ffprobe(file, "-show_entries", "format=duration", "-of", "default=nw=1");
        double duration = RecordingBrowserTest.number(format, "duration");
        assertTrue(Math.abs(duration - 9.9) < 0.1, format);
    }

    /**
     * A crash: the file as it is on disk while it is being written, never closed. Complete clusters carry their size;
     * the open one says "unknown" and ends where the file ends. Every frame written up to then is there, and a
     * frame cut off half-way (the crash came during its write) loses only itself.
     */
    @Test
    void anUnfinishedFilePlaysUpToTheLastFrameWritten() throws Exception {
        Path file = dir.resolve("crash.webm");
        WebmWriter w = new WebmWriter(file);
        for (int i = 0; i < 250; i++) { // clusters at frames 0, 100 and 200; the last one stays open
            w.frame(frame(i % 100 == 0, i), i * 33L, i % 100 == 0);
        }
        w.flush();
        Path copy = dir.resolve("copy.webm");
        java.nio.file.Files.copy(file, copy);
        Path cut = dir.resolve("cut.webm");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 20)); // into the last frame
        w.close();
        for (Path probe : java.util.List.of(copy, cut)) {
            String pts = RecordingBrowserTest.ffprobe(probe, "-select_streams", "v:0", "-show_entries",
                    "packet=pts_time", "-of", "csv=p=0");
            java.util.List<String> times = pts.lines().filter(x -> !x.isBlank()).toList();
            // the cut file: the 249 whole frames, and ffprobe may list the torn one as well
            assertTrue(times.size() == 250 || probe == cut && times.size() == 249, probe + ": " + times.size());
            assertEquals(0.0, Double.parseDouble(times.get(0)), 0.0011, pts);
            assertEquals(248 * 0.033, Double.parseDouble(times.get(248)), 0.0011, pts);
        }
    }
}

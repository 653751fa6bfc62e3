package org.huijian.media.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huijian.media.internal.webrtc.BrowserPeers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both parties' video recorded from a live relay in headless Chromium, checked with Debian's ffprobe: one VP8 video
 * stream and no audio stream per file, a duration within 2 s of the time recorded, a plausible frame count; and a
 * file taken mid-recording, as a crash would leave it, still plays up to its last cluster.
 */
public class RecordingBrowserTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws Exception {
        BrowserPeers.open();
    }

    @AfterAll
    static void close() {
        BrowserPeers.quit();
    }

    public static String ffprobe(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(List.of(args));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    static double number(String text, String key) {
        Matcher m = Pattern.compile(key + "=([0-9.]+)").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void bothPartiesVideoIsRecordedToWebmWithoutAudioAndACrashedFilePlays() throws Exception {
        Map<String, Recorder> recorders = new ConcurrentHashMap<>();
        recorders.put("lawyer", new Recorder(dir.resolve("lawyer.webm")));
        recorders.put("detainee", new Recorder(dir.resolve("detainee.webm")));
        java.util.concurrent.atomic.AtomicLong firstPacket = new java.util.concurrent.atomic.AtomicLong();
        // The recorders hear the video from its first packet, as the bridge's do (they exist before a party's answer):
        // a recorder added later could wait for a keyframe the browser never sends unasked.
        try (BrowserPeers peers = BrowserPeers.meeting(false, (party, rtp) -> {
            firstPacket.compareAndSet(0, System.nanoTime());
            try {
                recorders.get(party).packet(rtp);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            peers.awaitFlowing();
            long started = firstPacket.get();
            Thread.sleep(4000);
            // What a SIGKILL would leave behind: the file as it is now, never closed.
            Path crashed = dir.resolve("crashed.webm");
            Files.copy(dir.resolve("lawyer.webm"), crashed, StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(4000);
            double recordedSeconds = (System.nanoTime() - started) / 1e9;
            for (Recorder r : recorders.values()) {
                r.close();
            }
            assertEquals(0, peers.relay().audioToMonitors());

            for (String party : List.of("lawyer", "detainee")) {
                Path file = dir.resolve(party + ".webm");
                String streams = ffprobe(file, "-show_entries", "stream=codec_type,codec_name", "-of", "default=nw=1");
                assertEquals(1, streams.split("codec_type=video", -1).length - 1, streams);
                assertTrue(streams.contains("codec_name=vp8"), streams);
                assertTrue(!streams.contains("codec_type=audio"), "no audio stream: " + streams);
                String format = ffprobe(file, "-show_entries", "format=duration", "-of", "default=nw=1");
                double duration = number(format, "duration");
                assertTrue(Math.abs(duration - recordedSeconds) < 2.0 || duration > 0 && recordedSeconds - duration < 2.0,
                        party + ": duration " + duration + " s for " + recordedSeconds + " s recorded");
                String counted = ffprobe(file, "-count_frames", "-select_streams", "v:0",
                        "-show_entries", "stream=nb_read_frames", "-of", "default=nw=1")
                        + "\nnb_read_packets=" + ffprobe(file, "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                        "-of", "csv=p=0").lines().filter(x -> !x.isBlank()).count();
                double decoded = number(counted, "nb_read_frames");
                double packets = number(counted, "nb_read_packets");
                assertEquals(recorders.get(party).frames(), (long) packets, "every written frame is in the file: " + counted);
                assertTrue(decoded >= recordedSeconds * 10 && decoded <= recordedSeconds * 35,
                        party + ": " + decoded + " frames decoded in " + recordedSeconds + " s");
                String errors = ffprobe(file, "-v", "warning", "-show_entries", "frame=pkt_pts_time", "-of", "csv=p=0");
                System.out.printf("[recording] %s: %d frames written, %s, %.1f s for %.1f s recorded, lost %d; decoder said: %s%n",
                        party, recorders.get(party).frames(), counted.replace('\n', ' '), duration, recordedSeconds,
                        recorders.get(party).lost(), errors.lines().filter(x -> !x.matches("[0-9.]*")).limit(5).toList());
                assertEquals(packets, decoded, party + ": every frame in the file decodes");
            }
            String partial = ffprobe(crashed, "-count_frames", "-select_streams", "v:0", "-show_entries",
                    "stream=nb_read_frames", "-of", "default=nw=1");
            assertTrue(number(partial, "nb_read_frames") >= 20, "the unfinished file plays: " + partial);
        }
    }
}

package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Meeting recordings checked with Debian's ffprobe (installed by .ci/run). */
final class Recordings {
    private Recordings() {
    }

    static String ffprobe(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(List.of(args));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffprobe ran");
        return out;
    }

    static double number(String text, String key) {
        Matcher m = Pattern.compile(key + "=([0-9.]+)").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** The file of a meeting's recording on the site. */
    static Path file(Distribution site, long meeting, String party, int n) {
        return site.home().resolve("data").resolve("recordings").resolve(Long.toString(meeting))
                .resolve(party + "-" + n + ".webm");
    }

    /**
     * One VP8 video stream and no audio stream; every frame decodes; the frames decoded. With {@code seconds} &gt; 0
     * the duration must be within 2 s of it.
     */
    static long assertVideoOnly(Path file, double seconds) throws IOException, InterruptedException {
        String streams = ffprobe(file, "-show_entries", "stream=codec_type,codec_name", "-of", "default=nw=1");
        assertEquals(1, streams.split("codec_type=video", -1).length - 1, file + ": " + streams);
        assertTrue(streams.contains("codec_name=vp8"), file + ": " + streams);
        assertFalse(streams.contains("codec_type=audio"), file + " has no audio stream: " + streams);
        String counted = ffprobe(file, "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames",
                "-of", "default=nw=1");
        long frames = (long) number(counted, "nb_read_frames");
        long packets = ffprobe(file, "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0")
                .lines().filter(x -> !x.isBlank()).count();
        assertEquals(packets, frames, file + ": every frame decodes");
        if (seconds > 0) {
            double duration = number(ffprobe(file, "-show_entries", "format=duration", "-of", "default=nw=1"), "duration");
            assertTrue(Math.abs(duration - seconds) <= 2.0, file + ": " + duration + " s, the call lasted " + seconds + " s");
            assertTrue(frames >= seconds * 5 && frames <= seconds * 35, file + ": " + frames + " frames in " + seconds + " s");
        }
        return frames;
    }
}

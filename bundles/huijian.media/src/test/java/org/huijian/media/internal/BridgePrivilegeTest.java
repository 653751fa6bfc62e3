package org.huijian.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.huijian.media.MediaBridge;
import org.huijian.media.Recording;
import org.huijian.media.internal.record.RecordingBrowserTest;
import org.huijian.media.internal.webrtc.SimulatedPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privilege at the bridge itself: a meeting with a console watching both parties, both parties sending audio and
 * video. Counted at the receiving ends and in the files: the console gets video and not one audio packet, the other
 * party gets both, no recording has an audio stream, and the bridge reports zero audio handed to monitors.
 */
class BridgePrivilegeTest {
    @TempDir
    Path dir;

    @Test
    void aConsoleGetsVideoOnlyAndNoRecordingHoldsAudio() throws Exception {
        try (TestBridge test = new TestBridge(dir, 4)) {
            privilege(test);
        }
    }

    private void privilege(TestBridge test) throws Exception {
        DefaultMediaBridge bridge = test.bridge;
        ConcurrentHashMap<String, AtomicLong> received = new ConcurrentHashMap<>();
        try (SimulatedPeer lawyer = new SimulatedPeer(); SimulatedPeer detainee = new SimulatedPeer();
                SimulatedPeer console = new SimulatedPeer(); SimulatedPeer console2 = new SimulatedPeer()) {
            lawyer.connect(bridge.join(7, MediaBridge.LAWYER, lawyer.offer(true)));
            detainee.connect(bridge.join(7, MediaBridge.DETAINEE, detainee.offer(true)));
            // The console asks for audio too: the answer and the relay give it none.
            String answer = bridge.watch(7, MediaBridge.LAWYER, "w1", console.offer(true));
            assertTrue(answer.matches("(?s).*m=audio \\d+ [^\\r]*\\r\\n(?:(?!m=).)*a=inactive.*"), answer);
            console.connect(answer);
            console2.connect(bridge.watch(7, MediaBridge.DETAINEE, "w1", console2.offer(false)));
            for (var e : List.of(new Object[] { "lawyer", lawyer }, new Object[] { "detainee", detainee },
                    new Object[] { "console", console }, new Object[] { "console2", console2 })) {
                String name = (String) e[0];
                SimulatedPeer p = (SimulatedPeer) e[1];
                Thread t = new Thread(() -> p.receive((kind, nanos) -> received.computeIfAbsent(name + "." + kind,
                        k -> new AtomicLong()).incrementAndGet()));
                t.setDaemon(true);
                t.start();
            }
            for (int i = 0; i < 90; i++) { // three seconds of 30 fps video and 50 audio packets a second
                lawyer.sendFrame(6000, 30, 640, 360);
                detainee.sendFrame(6000, 30, 640, 360);
                if (i % 3 != 2) {
                    lawyer.sendAudio();
                    detainee.sendAudio();
                    lawyer.sendAudio();
                    detainee.sendAudio();
                }
                Thread.sleep(33);
            }
            Thread.sleep(500);
            assertEquals(0, bridge.channels().audioToMonitors());
            bridge.end(7);
        }
        assertTrue(received.getOrDefault("detainee.audio", new AtomicLong()).get() > 100, received.toString());
        assertTrue(received.getOrDefault("lawyer.video", new AtomicLong()).get() > 300, received.toString());
        assertTrue(received.getOrDefault("console.video", new AtomicLong()).get() > 300, received.toString());
        assertTrue(received.getOrDefault("console2.video", new AtomicLong()).get() > 300, received.toString());
        assertFalse(received.containsKey("console.audio") || received.containsKey("console2.audio"),
                "no audio packet reached a console: " + received);
        List<Recording> recordings = bridge.recordings(7);
        assertEquals(2, recordings.size(), recordings.toString());
        for (Recording r : recordings) {
            Path file = test.recordings.resolve("7").resolve(r.party() + "-" + r.part() + ".webm");
            assertTrue(Files.size(file) > 10_000, file.toString());
            // The register in the database holds what the file is.
            assertEquals(Files.size(file), r.sizeBytes(), r.toString());
            assertEquals(DefaultMediaBridge.sha256(file), r.sha256(), r.toString());
            assertFalse(r.interrupted(), r.toString());
            assertTrue(r.endedAt() != null && !r.endedAt().isBefore(r.startedAt()), r.toString());
            String streams = RecordingBrowserTest.ffprobe(file, "-show_entries", "stream=codec_type,codec_name", "-of",
                    "default=nw=1");
            assertTrue(streams.contains("codec_type=video") && !streams.contains("codec_type=audio"), streams);
            assertTrue(r.sha256() != null && r.sha256().length() == 64 && r.frames() >= 80, r.toString());
        }
    }
}

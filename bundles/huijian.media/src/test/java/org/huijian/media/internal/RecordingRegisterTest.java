package org.huijian.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huijian.media.MediaBridge;
import org.huijian.media.Recording;
import org.huijian.media.internal.webrtc.SimulatedPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register of recordings on the real database: a file is registered with its meeting before it starts, shows
 * its progress while it is written, is sealed with its size and SHA-256 at the end; a reconnection starts the next
 * part; a file a stopped server left open is sealed as interrupted when the bridge starts again.
 */
class RecordingRegisterTest {
    @TempDir
    Path dir;

    @Test
    void registeredWhileWrittenSealedAtTheEndNextPartOnReconnect() throws Exception {
        try (TestBridge test = new TestBridge(dir, 4)) {
            MediaBridge bridge = test.bridge;
            try (SimulatedPeer lawyer = new SimulatedPeer(); SimulatedPeer detainee = new SimulatedPeer()) {
                lawyer.connect(bridge.join(31, MediaBridge.LAWYER, lawyer.offer(true)));
                detainee.connect(bridge.join(31, MediaBridge.DETAINEE, detainee.offer(true)));
                send(lawyer, 30);
                List<Recording> writing = bridge.recordings(31);
                assertEquals(2, writing.size(), writing.toString());
                Recording lawyerSide = writing.stream().filter(r -> r.party().equals("lawyer")).findFirst().orElseThrow();
                assertNull(lawyerSide.endedAt(), lawyerSide.toString());
                assertNull(lawyerSide.sha256(), lawyerSide.toString());
                assertTrue(lawyerSide.frames() > 20 && lawyerSide.sizeBytes() > 0, lawyerSide.toString());
                // The lawyer's browser reconnects: part 1 is sealed, part 2 starts.
                try (SimulatedPeer again = new SimulatedPeer()) {
                    again.connect(bridge.join(31, MediaBridge.LAWYER, again.offer(true)));
                    send(again, 60);
                    bridge.end(31);
                }
            }
            List<Recording> done = bridge.recordings(31);
            assertEquals(List.of("detainee-1", "lawyer-1", "lawyer-2"),
                    done.stream().map(r -> r.party() + "-" + r.part()).toList());
            for (Recording r : done) {
                Path f = test.recordings.resolve("31").resolve(r.party() + "-" + r.part() + ".webm");
                assertNotNull(r.endedAt(), r.toString());
                assertEquals(Files.size(f), r.sizeBytes(), r.toString());
                assertEquals(DefaultMediaBridge.sha256(f), r.sha256(), r.toString());
                assertFalse(r.interrupted(), r.toString());
            }
            assertTrue(done.get(1).frames() >= 25 && done.get(2).frames() >= 10, done.toString());
            assertEquals(test.recordings.resolve("31").resolve("lawyer-1.webm"), bridge.file(31, MediaBridge.LAWYER));
            assertEquals(List.of(31L), test.archive.recentMeetings(5));
        }
    }

    @Test
    void aRecordingLeftOpenByAStopIsSealedAsInterruptedAtStart() throws Exception {
        try (TestBridge test = new TestBridge(dir, 4)) {
            try (SimulatedPeer lawyer = new SimulatedPeer()) {
                lawyer.connect(test.bridge.join(32, MediaBridge.LAWYER, lawyer.offer(true)));
                send(lawyer, 40);
                // No end: the server "stops" here; a new bridge starts on the same register and files.
                DefaultMediaBridge restarted = test.restart();
                Recording r = restarted.recordings(32).get(0);
                Path f = test.recordings.resolve("32").resolve("lawyer-1.webm");
                assertTrue(r.interrupted(), r.toString());
                assertNotNull(r.endedAt(), r.toString());
                assertTrue(r.sizeBytes() > 0 && r.sizeBytes() <= Files.size(f), r + " file " + Files.size(f));
                assertEquals(64, r.sha256().length(), r.toString());
                assertTrue(test.archive.open().isEmpty(), test.archive.open().toString());
                restarted.deactivate();
            }
        }
    }

    private static void send(SimulatedPeer peer, int frames) throws Exception {
        for (int i = 0; i < frames; i++) {
            peer.sendFrame(4000, 30, 640, 360);
            Thread.sleep(33);
        }
        Thread.sleep(300);
    }
}

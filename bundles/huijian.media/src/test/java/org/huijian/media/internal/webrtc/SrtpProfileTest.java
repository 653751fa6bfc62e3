package org.huijian.media.internal.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.huijian.media.MediaBridge;
import org.huijian.media.internal.TestBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which SRTP protection profile a leg gets, and that legs of different profiles relay to each other: the bridge
 * decrypts with the sender's and encrypts with each receiver's own. Real bridge, real DTLS-SRTP, real UDP.
 */
class SrtpProfileTest {
    private static final String[] STREAMS = { "lawyer.video", "lawyer.audio", "detainee.video", "detainee.audio",
        "console.video" };

    @TempDir
    Path dir;

    @Test
    void theBridgePrefersGcmWhateverTheOrderOffered() {
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.choose(new int[] {
            SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM }));
        assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.choose(new int[] {
            SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80 }));
        assertNull(SrtpProfile.choose(new int[] { SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32 }));
        assertNull(SrtpProfile.choose(new int[0]));
    }

    @Test
    void aGcmLegAndACmLegHearAndSeeEachOther() throws Exception {
        Map<String, AtomicLong> received = new ConcurrentHashMap<>();
        try (TestBridge test = new TestBridge(dir, 4); SimulatedPeer lawyer = new SimulatedPeer(true);
                SimulatedPeer detainee = new SimulatedPeer(false); SimulatedPeer console = new SimulatedPeer(true)) {
            lawyer.connect(test.bridge.join(5, MediaBridge.LAWYER, lawyer.offer(true)));
            detainee.connect(test.bridge.join(5, MediaBridge.DETAINEE, detainee.offer(true)));
            console.connect(test.bridge.watch(5, MediaBridge.DETAINEE, "w", console.offer(false)));
            assertEquals("AEAD_AES_128_GCM", lawyer.srtpProfile());
            assertEquals("AES128_CM_HMAC_SHA1_80", detainee.srtpProfile());
            assertEquals("AEAD_AES_128_GCM", console.srtpProfile());
            for (var e : Map.of("lawyer", lawyer, "detainee", detainee, "console", console).entrySet()) {
                Thread t = new Thread(() -> e.getValue().receive((kind, nanos) -> received
                        .computeIfAbsent(e.getKey() + "." + kind, k -> new AtomicLong()).incrementAndGet()));
                t.setDaemon(true);
                t.start();
            }
            for (int i = 0; i < 45; i++) { // a second and a half of 30 fps video, audio every 20 ms
                lawyer.sendFrame(4000, 30, 640, 360);
                detainee.sendFrame(4000, 30, 640, 360);
                lawyer.sendAudio();
                detainee.sendAudio();
                Thread.sleep(33);
            }
            // until every stream's packets have come through (loopback loses none), at most 10 s
            for (long until = System.nanoTime() + 10_000_000_000L; System.nanoTime() < until && !java.util.stream.Stream
                    .of(STREAMS).allMatch(k -> received.getOrDefault(k, new AtomicLong()).get() >= 40);) {
                Thread.sleep(20);
            }
            assertEquals(0, test.bridge.channels().audioToMonitors());
        }
        // receive() counts only packets that decrypted and authenticated with the leg's own keys
        for (String stream : STREAMS) {
            assertTrue(received.getOrDefault(stream, new AtomicLong()).get() >= 40, stream + ": " + received);
        }
        assertNull(received.get("console.audio"), received.toString());
    }
}

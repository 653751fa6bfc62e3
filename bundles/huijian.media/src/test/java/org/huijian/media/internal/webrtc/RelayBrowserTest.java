package org.huijian.media.internal.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A meeting's media through the bridge in real headless Chromium: two parties (each its own peer connection, its
 * own canvas video and oscillator audio) and a supervisor's monitor that asks for audio and video. Each party
 * decodes the other's video and receives its audio through the relay; the monitor decodes the lawyer's video and
 * receives no audio at all — the bridge never hands it a single audio packet.
 */
class RelayBrowserTest {

    @BeforeAll
    static void open() throws Exception {
        BrowserPeers.open();
    }

    @AfterAll
    static void close() {
        BrowserPeers.quit();
    }

    @Test
    void twoPartiesHearAndSeeEachOtherThroughTheBridgeAndTheMonitorGetsVideoOnly() throws Exception {
        try (BrowserPeers peers = BrowserPeers.meeting(true)) {
            assertTrue(peers.consoleAnswer.matches("(?s).*m=audio \\d+ [^\\r]*\\r\\n(?:(?!m=).)*a=inactive.*"),
                    "the console's audio section is inactive: " + peers.consoleAnswer);
            peers.awaitFlowing();
            String l = BrowserPeers.received("lawyer");
            String d = BrowserPeers.received("detainee");
            String c = BrowserPeers.received("console");
            for (int i = 0; i < 20 && (BrowserPeers.figure(l, "audioBytes") < 1000 || BrowserPeers.figure(d, "audioBytes") < 1000); i++) {
                Thread.sleep(500);
                l = BrowserPeers.received("lawyer");
                d = BrowserPeers.received("detainee");
            }
            assertTrue(BrowserPeers.figure(l, "frames") > 30 && BrowserPeers.figure(l, "audioBytes") > 1000,
                    "the lawyer side sees and hears: " + l);
            assertTrue(BrowserPeers.figure(d, "frames") > 30 && BrowserPeers.figure(d, "audioBytes") > 1000,
                    "the detainee side sees and hears: " + d);
            assertTrue(BrowserPeers.figure(c, "frames") > 30, "the console decodes the lawyer's video: " + c);
            assertEquals(0, BrowserPeers.figure(c, "audioBytes"), "the console receives no audio: " + c);
            assertEquals(0, BrowserPeers.figure(c, "audioTracks"), "the console has no receiving audio track: " + c);
            assertEquals(0, peers.relay().audioToMonitors(), "no audio packet was ever handed to the monitor");
            assertTrue(peers.endpoints().get(2).counters().sentPackets.get() > 30, peers.endpoints().get(2).counters().toString());
            assertTrue(peers.relay().forwarded() > 200, "forwarded " + peers.relay().forwarded());
        }
    }
}

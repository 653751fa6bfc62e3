package org.huijian.media.internal.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.huijian.media.MediaBridge;
import org.huijian.media.internal.TestBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the relay benchmark relies on when its receivers read RTP headers only: the bridge carries each sender's
 * abs-send-time through to every receiver (the id rewritten to the receiver's), sequence numbers stay continuous per
 * stream, the payload type tells a console's (absent) audio, and the counts agree with what decrypting receivers
 * see. Real bridge (the service with its register on Derby), real DTLS-SRTP, real UDP.
 */
class HeadersOnlyReceiveTest {
    @TempDir
    Path dir;

    @Test
    void headersCarrySendTimeAndSequenceThroughTheBridge() throws Exception {
        try (TestBridge test = new TestBridge(dir, 4); SimulatedPeer lawyer = new SimulatedPeer();
                SimulatedPeer detainee = new SimulatedPeer(); SimulatedPeer console = new SimulatedPeer();
                Selector selector = Selector.open()) {
            lawyer.connect(test.bridge.join(3, MediaBridge.LAWYER, lawyer.offer(true)));
            detainee.connect(test.bridge.join(3, MediaBridge.DETAINEE, detainee.offer(true)));
            console.connect(test.bridge.watch(3, MediaBridge.LAWYER, "w", console.offer(true)));
            Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
            Map<String, Integer> lastSeq = new ConcurrentHashMap<>();
            AtomicLong gaps = new AtomicLong();
            AtomicLong noTime = new AtomicLong();
            AtomicLong maxLatency = new AtomicLong();
            Map<SelectionKey, SimulatedPeer> peers = new ConcurrentHashMap<>();
            for (var e : List.of(Map.entry("lawyer", lawyer), Map.entry("detainee", detainee), Map.entry("console", console))) {
                SelectionKey k = e.getValue().register(selector);
                peers.put(k, e.getValue());
                String name = e.getKey();
                k.attach((SimulatedPeer.HeaderSink) (video, ssrc, seq, latency) -> {
                    String stream = name + "." + (video ? "video" : "audio");
                    counts.computeIfAbsent(stream, s -> new AtomicLong()).incrementAndGet();
                    Integer before = lastSeq.put(stream + ssrc, seq);
                    if (before != null && ((before + 1) & 0xffff) != seq) {
                        gaps.incrementAndGet();
                    }
                    if (latency < 0) {
                        noTime.incrementAndGet();
                    } else {
                        maxLatency.accumulateAndGet(latency, Math::max);
                    }
                });
            }
            ByteBuffer scratch = ByteBuffer.allocateDirect(2048);
            byte[] header = new byte[64];
            // Every leg's DTLS is done on the peer's side when connect() returns; the bridge may take a moment longer
            // to forward to it. Send until every stream has arrived once, then count from nothing.
            for (int i = 0; i < 100 && !List.of("lawyer.video", "detainee.video", "lawyer.audio", "detainee.audio",
                    "console.video").stream().allMatch(counts::containsKey); i++) {
                lawyer.sendFrame(5000, 30, 640, 360);
                detainee.sendFrame(5000, 30, 640, 360);
                lawyer.sendAudio();
                detainee.sendAudio();
                drain(selector, peers, scratch, header, 20);
            }
            counts.clear();
            lastSeq.clear();
            gaps.set(0);
            noTime.set(0);
            long sentVideo = 0;
            long sentAudio = 0;
            for (int i = 0; i < 60; i++) { // two seconds of 30 fps video and audio every 20 ms
                lawyer.sendFrame(5000, 30, 640, 360);
                detainee.sendFrame(5000, 30, 640, 360);
                sentVideo += 5;
                lawyer.sendAudio();
                detainee.sendAudio();
                sentAudio++;
                if (i % 2 == 0) {
                    lawyer.sendAudio();
                    detainee.sendAudio();
                    sentAudio++;
                }
                drain(selector, peers, scratch, header, 33);
            }
            drain(selector, peers, scratch, header, 500);
            // Per party: every video packet and audio packet of the other party, on loopback nothing is lost.
            assertEquals(sentVideo, counts.get("lawyer.video").get(), counts.toString());
            assertEquals(sentVideo, counts.get("detainee.video").get(), counts.toString());
            assertEquals(sentAudio, counts.get("lawyer.audio").get(), counts.toString());
            assertEquals(sentAudio, counts.get("detainee.audio").get(), counts.toString());
            assertEquals(sentVideo, counts.get("console.video").get(), counts.toString());
            assertEquals(null, counts.get("console.audio"), "a console gets no audio: " + counts);
            assertEquals(0, gaps.get(), "sequence numbers continuous per stream");
            assertEquals(0, noTime.get(), "every packet carries abs-send-time through the bridge");
            assertTrue(maxLatency.get() > 0 && maxLatency.get() < 1_000_000_000L, "latency " + maxLatency);
            assertEquals(0, test.bridge.channels().audioToMonitors());
        }
    }

    /** Reads what arrives at the peers for {@code millis}. */
    static void drain(Selector selector, Map<SelectionKey, SimulatedPeer> peers, ByteBuffer scratch, byte[] header,
            long millis) throws java.io.IOException {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < until) {
            if (selector.select(5) > 0) {
                for (var it = selector.selectedKeys().iterator(); it.hasNext();) {
                    SelectionKey k = it.next();
                    it.remove();
                    peers.get(k).drain(scratch, header, (SimulatedPeer.HeaderSink) k.attachment());
                }
            }
        }
    }

    @Test
    void absSendTimeRoundTrip() {
        long t = 123_456_789_000_000L;
        int ast = SimulatedPeer.absSendTime(t);
        assertEquals(0, SimulatedPeer.sinceAbsSendTime(ast, t) / 10_000);
        long later = SimulatedPeer.sinceAbsSendTime(ast, t + 2_500_000L); // 2.5 ms later
        assertTrue(Math.abs(later - 2_500_000L) < 8_000, "resolution 3.8 µs: " + later);
    }
}

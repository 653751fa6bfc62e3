package org.huijian.media.internal.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge's endpoint against real headless Chromium: the browser sends a canvas video track (VP8) and an
 * oscillator audio track (Opus) to the endpoint, which answers its connectivity checks (ICE-lite), completes DTLS as
 * the server with the browser's fingerprint checked, and decrypts the SRTP. Garbage thrown at the port meanwhile
 * is dropped and counted, and the media keeps coming.
 */
class EndpointBrowserTest {
    @BeforeAll
    static void open() throws Exception {
        BrowserPeers.open();
    }

    @AfterAll
    static void close() {
        BrowserPeers.quit();
    }

    static Object js(String script, Object... args) {
        return BrowserPeers.js(script, args);
    }

    /** A page that sends synthetic video and audio; its offer. */
    static String offer() {
        BrowserPeers.browser.get("about:blank");
        return (String) js("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const canvas = document.createElement('canvas');
                  canvas.width = 640; canvas.height = 360;
                  const g = canvas.getContext('2d');
                  let n = 0;
                  setInterval(() => { g.fillStyle = `hsl(${(n++ * 7) % 360},80%,50%)`; g.fillRect(0, 0, 640, 360);
                    g.fillStyle = '#fff'; g.font = '48px sans-serif'; g.fillText(String(n), 40, 80); }, 33);
                  const video = canvas.captureStream(30).getVideoTracks()[0];
                  const audioContext = new AudioContext();
                  const osc = audioContext.createOscillator();
                  const sink = audioContext.createMediaStreamDestination();
                  osc.connect(sink); osc.start();
                  const audio = sink.stream.getAudioTracks()[0];
                  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
                  window.pc = pc;
                  pc.addTransceiver(audio, { direction: 'sendonly' });
                  pc.addTransceiver(video, { direction: 'sendonly' });
                  const offer = await pc.createOffer();
                  await pc.setLocalDescription(offer);
                  done(pc.localDescription.sdp);
                })().catch(e => done('error: ' + e));
                """);
    }

    static String answer(String sdp) {
        return (String) js("""
                const done = arguments[arguments.length - 1];
                window.pc.setRemoteDescription({ type: 'answer', sdp: arguments[0] })
                  .then(() => done('ok'), e => done('error: ' + e));
                """, sdp);
    }

    static String sdpLine(String sdp, String attribute) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a=" + attribute + ":(\\S+)").matcher(sdp);
        assertTrue(m.find(), attribute + " in " + sdp);
        return m.group(1);
    }

    static String state() {
        return (String) js("const done = arguments[arguments.length - 1]; done(window.pc.connectionState);");
    }

    @Test
    void chromiumSendsVideoAndAudioThroughIceLiteAndDtlsSrtp() throws Exception {
        try (Endpoint endpoint = new Endpoint(InetAddress.getLoopbackAddress(), Identity.create())) {
            connectAndWithstandGarbage(endpoint, null);
        }
    }

    /**
     * The same on a port shared with another leg, as the bridge runs by default: the browser's checks find its leg by
     * the ICE user fragment, the stranger's datagrams are dropped at the port (or by the leg they name).
     */
    @Test
    void chromiumOnASharedPort() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Identity identity = Identity.create();
        try (SharedPort port = new SharedPort(loopback, 0);
                Endpoint other = new Endpoint(port, identity, loopback.getHostAddress());
                Endpoint endpoint = new Endpoint(port, identity, loopback.getHostAddress())) {
            assertEquals(port.port(), endpoint.port());
            assertEquals(2, port.legs());
            connectAndWithstandGarbage(endpoint, port);
            Endpoint.Counters o = other.counters();
            assertEquals(0, o.audioPackets.get() + o.videoPackets.get() + o.stunAnswered.get(), "nothing for the other leg: " + o);
        }
    }

    private void connectAndWithstandGarbage(Endpoint endpoint, SharedPort port) throws Exception {
        {
            String offer = offer();
            assertTrue(offer.startsWith("v=0"), offer);
            String answer = endpoint.answer(offer, Map.of(), "huijian");
            assertTrue(answer.contains("a=ice-lite") && answer.contains("a=setup:passive")
                    && answer.contains("a=recvonly"), answer);
            assertEquals("ok", answer(answer));
            endpoint.connected().get(20, TimeUnit.SECONDS);
            assertEquals("AEAD_AES_128_GCM", endpoint.srtpProfile(), "Chromium offers AES-GCM; the bridge prefers it");
            for (int i = 0; i < 100 && !"connected".equals(state()); i++) {
                Thread.sleep(100);
            }
            assertEquals("connected", state());

            // Garbage at the port: random bytes, a truncated RTP header, DTLS from a stranger, STUN with a wrong password.
            java.util.function.LongSupplier dropped = () -> endpoint.counters().dropped.get()
                    + (port == null ? 0 : port.dropped());
            long droppedBefore = dropped.getAsLong();
            try (DatagramSocket stranger = new DatagramSocket()) {
                InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port());
                Random random = new Random(5);
                for (int i = 0; i < 50; i++) {
                    byte[] junk = new byte[1 + random.nextInt(1200)];
                    random.nextBytes(junk);
                    junk[0] = (byte) (64 + random.nextInt(60)); // neither STUN, DTLS nor RTP
                    stranger.send(new DatagramPacket(junk, junk.length, to));
                }
                stranger.send(new DatagramPacket(new byte[] { (byte) 0x80, 96, 0, 1 }, 4, to));
                byte[] rtp = new byte[200];
                rtp[0] = (byte) 0x80;
                rtp[1] = 96;
                stranger.send(new DatagramPacket(rtp, rtp.length, to));
                stranger.send(new DatagramPacket(new byte[] { 22, (byte) 0xfe, (byte) 0xfd, 0, 0 }, 5, to));
                byte[] wrongPassword = Stun.request(new byte[12], "x:y", "not-the-password", true);
                stranger.send(new DatagramPacket(wrongPassword, wrongPassword.length, to));
                // The right username (our ufrag and the browser's) with a wrong password: a check that would bind
                // the stranger's address as the browser's if it were believed.
                String username = sdpLine(answer, "ice-ufrag") + ":" + sdpLine(offer, "ice-ufrag");
                byte[] rightUserWrongPassword = Stun.request(new byte[12], username, "wrong-password-of-22-chars", true);
                stranger.send(new DatagramPacket(rightUserWrongPassword, rightUserWrongPassword.length, to));
                // A truncated RTCP header, RTCP-looking junk (no SRTCP index and tag), RTP-looking junk of every
                // length with random payload types, DTLS records of random content from a stranger.
                stranger.send(new DatagramPacket(new byte[] { (byte) 0x81, (byte) 200, 0 }, 3, to));
                for (int i = 0; i < 20; i++) {
                    byte[] rtcp = new byte[8 + random.nextInt(100)];
                    random.nextBytes(rtcp);
                    rtcp[0] = (byte) 0x80;
                    rtcp[1] = (byte) (200 + random.nextInt(7));
                    stranger.send(new DatagramPacket(rtcp, rtcp.length, to));
                    byte[] rtpJunk = new byte[1 + random.nextInt(1400)];
                    random.nextBytes(rtpJunk);
                    rtpJunk[0] = (byte) (0x80 | random.nextInt(0x40));
                    stranger.send(new DatagramPacket(rtpJunk, rtpJunk.length, to));
                    byte[] dtls = new byte[1 + random.nextInt(300)];
                    random.nextBytes(dtls);
                    dtls[0] = (byte) (20 + random.nextInt(44));
                    stranger.send(new DatagramPacket(dtls, dtls.length, to));
                }
            }

            long audio = endpoint.counters().audioPackets.get();
            long video = endpoint.counters().videoPackets.get();
            Thread.sleep(3000);
            Endpoint.Counters c = endpoint.counters();
            assertTrue(c.audioPackets.get() > audio + 50, "audio keeps coming (50 packets/s): " + c);
            assertTrue(c.videoPackets.get() > video + 30, "video keeps coming: " + c);
            assertTrue(c.videoBytes.get() > 10_000, c.toString());
            assertTrue(dropped.getAsLong() >= droppedBefore + 116, "every bad datagram dropped and counted: " + c
                    + (port == null ? "" : ", at the port " + port.dropped()));
            assertEquals("connected", state(), "the browser's connection is untouched");
        }
    }
}

package org.huijian.media.internal.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        EndpointBrowserTest.open();
    }

    @AfterAll
    static void close() {
        EndpointBrowserTest.close();
    }

    static Object js(String script, Object... args) {
        return EndpointBrowserTest.js(script, args);
    }

    /** Creates peer connection {@code name}; sending parties get their own picture and tone. Its offer. */
    static String offer(String name, boolean sends, int hue) {
        return (String) js("""
                const done = arguments[arguments.length - 1];
                const [name, sends, hue] = [arguments[0], arguments[1], arguments[2]];
                (async () => {
                  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
                  window.pcs = window.pcs || {};
                  window.pcs[name] = pc;
                  pc.ontrack = e => {
                    const v = document.createElement(e.track.kind === 'video' ? 'video' : 'audio');
                    v.autoplay = true; v.muted = true; v.srcObject = new MediaStream([e.track]);
                    document.body.append(v);
                  };
                  if (sends) {
                    const canvas = document.createElement('canvas');
                    canvas.width = 640; canvas.height = 360;
                    const g = canvas.getContext('2d');
                    let n = 0;
                    setInterval(() => { g.fillStyle = `hsl(${(hue + n++) % 360},80%,50%)`; g.fillRect(0, 0, 640, 360);
                      g.fillStyle = '#000'; g.fillRect((n * 5) % 600, 100, 40, 40); }, 33);
                    const ac = new AudioContext();
                    const osc = ac.createOscillator();
                    osc.frequency.value = 300 + hue;
                    const sink = ac.createMediaStreamDestination();
                    osc.connect(sink); osc.start();
                    pc.addTransceiver(sink.stream.getAudioTracks()[0], { direction: 'sendrecv' });
                    pc.addTransceiver(canvas.captureStream(30).getVideoTracks()[0], { direction: 'sendrecv' });
                  } else {
                    pc.addTransceiver('audio', { direction: 'recvonly' });
                    pc.addTransceiver('video', { direction: 'recvonly' });
                  }
                  const offer = await pc.createOffer();
                  await pc.setLocalDescription(offer);
                  done(pc.localDescription.sdp);
                })().catch(e => done('error: ' + e));
                """, name, sends, hue);
    }

    static void answer(String name, String sdp) {
        assertEquals("ok", js("""
                const done = arguments[arguments.length - 1];
                window.pcs[arguments[0]].setRemoteDescription({ type: 'answer', sdp: arguments[1] })
                  .then(() => done('ok'), e => done('error: ' + e));
                """, name, sdp));
    }

    /** What a peer connection receives: decoded video frames, audio bytes, audio tracks. */
    static String received(String name) {
        return (String) js("""
                const done = arguments[arguments.length - 1];
                const pc = window.pcs[arguments[0]];
                pc.getStats().then(report => {
                  const s = { frames: 0, audioBytes: 0, width: 0,
                    audioTracks: pc.getReceivers().filter(r => r.track.kind === 'audio' && r.track.readyState === 'live'
                      && pc.getTransceivers().some(t => t.receiver === r && t.currentDirection && t.currentDirection.includes('recv'))).length,
                    state: pc.connectionState };
                  report.forEach(r => {
                    if (r.type === 'inbound-rtp' && r.kind === 'video') { s.frames += r.framesDecoded || 0; s.width = r.frameWidth || 0; }
                    if (r.type === 'inbound-rtp' && r.kind === 'audio') s.audioBytes += r.bytesReceived || 0;
                  });
                  done(JSON.stringify(s));
                });
                """, name);
    }

    static long figure(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void twoPartiesHearAndSeeEachOtherThroughTheBridgeAndTheMonitorGetsVideoOnly() throws Exception {
        EndpointBrowserTest.browser.get("about:blank");
        Identity identity = Identity.create();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Relay relay = new Relay();
        try (Endpoint lawyer = new Endpoint(loopback, identity); Endpoint detainee = new Endpoint(loopback, identity);
                Endpoint console = new Endpoint(loopback, identity)) {
            String lawyerAnswer = lawyer.answer(offer("lawyer", true, 0), relay.party(Relay.LAWYER, lawyer), "bridge-l");
            String detaineeAnswer = detainee.answer(offer("detainee", true, 180), relay.party(Relay.DETAINEE, detainee),
                    "bridge-d");
            String consoleAnswer = console.answer(offer("console", false, 0), relay.monitor(Relay.LAWYER, console),
                    "bridge-m");
            assertTrue(consoleAnswer.matches("(?s).*m=audio \\d+ [^\\r]*\\r\\n(?:(?!m=).)*a=inactive.*"),
                    "the console's audio section is inactive: " + consoleAnswer);
            answer("lawyer", lawyerAnswer);
            answer("detainee", detaineeAnswer);
            answer("console", consoleAnswer);
            for (Endpoint e : new Endpoint[] { lawyer, detainee, console }) {
                e.connected().get(20, TimeUnit.SECONDS);
            }

            String l = "";
            String d = "";
            String c = "";
            for (int i = 0; i < 60; i++) {
                l = received("lawyer");
                d = received("detainee");
                c = received("console");
                if (figure(l, "frames") > 30 && figure(d, "frames") > 30 && figure(c, "frames") > 30
                        && figure(l, "audioBytes") > 1000 && figure(d, "audioBytes") > 1000) {
                    break;
                }
                Thread.sleep(500);
            }
            assertTrue(figure(l, "frames") > 30 && figure(l, "audioBytes") > 1000, "the lawyer side sees and hears: " + l);
            assertTrue(figure(d, "frames") > 30 && figure(d, "audioBytes") > 1000, "the detainee side sees and hears: " + d);
            assertTrue(figure(c, "frames") > 30, "the console decodes the lawyer's video: " + c);
            assertEquals(0, figure(c, "audioBytes"), "the console receives no audio: " + c);
            assertEquals(0, figure(c, "audioTracks"), "the console has no receiving audio track: " + c);
            assertEquals(0, relay.audioToMonitors(), "no audio packet was ever handed to the monitor");
            assertTrue(console.counters().sentPackets.get() > 30, console.counters().toString());
            assertTrue(relay.forwarded() > 200, "forwarded " + relay.forwarded());
        }
    }
}

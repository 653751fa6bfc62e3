package org.huijian.media.internal.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Peer connections in one headless Chromium page for the bridge's tests: parties that send a canvas picture and an
 * oscillator tone, and monitors that ask for audio and video but send nothing. {@link #meeting} connects a lawyer
 * and a detainee (and optionally a console watching the lawyer) through a {@link Relay}.
 */
public final class BrowserPeers implements AutoCloseable {
    static ChromeDriver browser;
    private static Path profile;

    private final Relay relay = new Relay();
    private final java.util.List<Endpoint> endpoints = new java.util.ArrayList<>();

    public static void open() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        profile = Files.createTempDirectory("huijian-media");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--user-data-dir=" + profile, "--autoplay-policy=no-user-gesture-required");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    public static void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) { // several megabytes of browser profile
            try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException e) {
                // left in the temporary directory
            }
            profile = null;
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script, args);
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

    /** What a peer connection receives: decoded video frames, audio bytes, receiving audio tracks, its state. */
    public static String received(String name) {
        return (String) js("""
                const done = arguments[arguments.length - 1];
                const pc = window.pcs[arguments[0]];
                pc.getStats().then(report => {
                  const s = { frames: 0, audioBytes: 0, width: 0,
                    audioTracks: pc.getTransceivers().filter(t => t.receiver.track.kind === 'audio'
                      && t.currentDirection && t.currentDirection.includes('recv')).length,
                    state: pc.connectionState };
                  report.forEach(r => {
                    if (r.type === 'inbound-rtp' && r.kind === 'video') { s.frames += r.framesDecoded || 0; s.width = r.frameWidth || 0; }
                    if (r.type === 'inbound-rtp' && r.kind === 'audio') s.audioBytes += r.bytesReceived || 0;
                  });
                  done(JSON.stringify(s));
                });
                """, name);
    }

    public static long figure(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** A lawyer and a detainee connected through a relay; with a console watching the lawyer's video if asked. */
    public static BrowserPeers meeting(boolean withConsole) throws Exception {
        return meeting(withConsole, null);
    }

    /**
     * The same, with {@code videoTap} hearing every video packet from the first on, as the bridge's recorders do
     * (a tap added after the parties connect may miss the only keyframe a browser sends unasked).
     */
    public static BrowserPeers meeting(boolean withConsole, java.util.function.BiConsumer<String, byte[]> videoTap)
            throws Exception {
        browser.get("about:blank");
        BrowserPeers p = new BrowserPeers();
        if (videoTap != null) {
            p.relay.tapVideo(videoTap);
        }
        Identity identity = Identity.create();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Endpoint lawyer = p.add(new Endpoint(loopback, identity));
        Endpoint detainee = p.add(new Endpoint(loopback, identity));
        answer("lawyer", lawyer.answer(offer("lawyer", true, 0), p.relay.party(Relay.LAWYER, lawyer), "bridge-l"));
        answer("detainee", detainee.answer(offer("detainee", true, 180), p.relay.party(Relay.DETAINEE, detainee),
                "bridge-d"));
        if (withConsole) {
            Endpoint console = p.add(new Endpoint(loopback, identity));
            p.consoleAnswer = console.answer(offer("console", false, 0), p.relay.monitor(Relay.LAWYER, console), "bridge-m");
            answer("console", p.consoleAnswer);
        }
        for (Endpoint e : p.endpoints) {
            e.connected().get(20, TimeUnit.SECONDS);
        }
        return p;
    }

    String consoleAnswer;

    private Endpoint add(Endpoint e) {
        endpoints.add(e);
        return e;
    }

    public Relay relay() {
        return relay;
    }

    public java.util.List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Waits until both parties decode each other's video (and the console the lawyer's). */
    public void awaitFlowing() throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            boolean ok = figure(received("lawyer"), "frames") > 30 && figure(received("detainee"), "frames") > 30
                    && (endpoints.size() < 3 || figure(received("console"), "frames") > 30);
            if (ok) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("media did not flow: lawyer " + received("lawyer") + ", detainee " + received("detainee"));
    }

    @Override
    public void close() {
        endpoints.forEach(Endpoint::close);
    }
}

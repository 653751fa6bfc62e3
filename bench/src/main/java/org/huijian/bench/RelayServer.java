package org.huijian.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.huijian.media.internal.DefaultMediaBridge;
import org.huijian.media.internal.TestBridge;
import org.huijian.media.internal.webrtc.Endpoint;
import org.huijian.media.internal.webrtc.Identity;
import org.huijian.media.internal.webrtc.Relay;
import org.huijian.media.internal.webrtc.SharedPort;

/**
 * The media bridge alone in its own process, for {@link RelayBench} (which pins it to one core): commands on standard
 * input, one per line — {@code JOIN <meeting> <party> <offer>}, {@code WATCH <meeting> <party> <watcher> <offer>}
 * (offers in base64) answer {@code ANSWER <base64>}; {@code END <meeting>}; {@code CPU} answers the process's
 * processor time in nanoseconds; {@code CHANNELS}.
 *
 * <p>For the benchmark only, {@code -Drelay.record=false} makes this process not record: instead of the bridge it
 * runs the bridge's own parts without the recorders — an {@link Endpoint} per leg and a {@link Relay} per meeting,
 * joined exactly as {@code DefaultMediaBridge} joins them — so the difference to a recording run is what recording
 * costs. The bridge itself has no such setting: a site cannot switch recording off.
 */
public final class RelayServer {
    private RelayServer() {
    }

    public static void main(String[] args) throws Exception {
        Path recordings = Path.of(args.length > 0 ? args[0] : "target/relay-recordings");
        // The bridge with its register of recordings on embedded Derby beside the files, as a site runs it.
        boolean record = Boolean.parseBoolean(System.getProperty("relay.record", "true"));
        boolean shared = Boolean.parseBoolean(System.getProperty("relay.shared", "true"));
        DefaultMediaBridge bridge = record ? new TestBridge(recordings, 1000, shared).bridge : null;
        Unrecorded unrecorded = record ? null : new Unrecorded(shared);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        for (String line; (line = in.readLine()) != null;) {
            String[] p = line.split(" ");
            try {
                switch (p[0]) {
                case "JOIN" -> System.out.println("ANSWER " + b64(record ? bridge.join(Long.parseLong(p[1]), p[2], text(p[3]))
                        : unrecorded.join(Long.parseLong(p[1]), p[2], text(p[3]))));
                case "WATCH" -> System.out.println("ANSWER " + b64(record ? bridge.watch(Long.parseLong(p[1]), p[2], p[3],
                        text(p[4])) : unrecorded.watch(Long.parseLong(p[1]), p[2], text(p[4]))));
                case "END" -> {
                    if (record) {
                        bridge.end(Long.parseLong(p[1]));
                    }
                    System.out.println("OK");
                }
                case "CPU" -> System.out.println("CPU " + os.getProcessCpuTime());
                case "CHANNELS" -> System.out.println("CHANNELS " + (record ? bridge.channels().toString()
                        : unrecorded.meetings.size() + " meetings, not recorded"));
                default -> System.out.println("ERROR unknown command " + p[0]);
                }
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e);
            }
            System.out.flush();
        }
    }

    /** The bridge's relay without recorders (benchmark only): one Relay per meeting, an Endpoint per leg. */
    static final class Unrecorded {
        final Identity identity = Identity.create();
        final java.util.Map<Long, Relay> meetings = new java.util.concurrent.ConcurrentHashMap<>();
        final java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
        final SharedPort port;

        Unrecorded(boolean shared) throws java.io.IOException {
            this.port = shared ? new SharedPort(loopback, 0) : null;
        }

        String join(long meeting, String party, String offer) {
            Endpoint e = endpoint();
            return e.answer(offer, meetings.computeIfAbsent(meeting, m -> new Relay()).party(party, e), "huijian-" + party);
        }

        String watch(long meeting, String party, String offer) {
            Endpoint e = endpoint();
            return e.answer(offer, meetings.get(meeting).monitor(party, e), "huijian-monitor-" + party);
        }

        private Endpoint endpoint() {
            try {
                return port != null ? new Endpoint(port, identity, loopback.getHostAddress())
                        : new Endpoint(loopback, identity, loopback.getHostAddress());
            } catch (java.net.SocketException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String text(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}

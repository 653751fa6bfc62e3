package org.huijian.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.huijian.media.internal.DefaultMediaBridge;
import org.huijian.media.internal.TestBridge;

/**
 * The media bridge alone in its own process, for {@link RelayBench} (which pins it to one core): commands on standard
 * input, one per line — {@code JOIN <meeting> <party> <offer>}, {@code WATCH <meeting> <party> <watcher> <offer>}
 * (offers in base64) answer {@code ANSWER <base64>}; {@code END <meeting>}; {@code CPU} answers the process's
 * processor time in nanoseconds; {@code CHANNELS}.
 */
public final class RelayServer {
    private RelayServer() {
    }

    public static void main(String[] args) throws Exception {
        Path recordings = Path.of(args.length > 0 ? args[0] : "target/relay-recordings");
        // The bridge with its register of recordings on embedded Derby beside the files, as a site runs it.
        DefaultMediaBridge bridge = new TestBridge(recordings, 1000).bridge;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        for (String line; (line = in.readLine()) != null;) {
            String[] p = line.split(" ");
            try {
                switch (p[0]) {
                case "JOIN" -> System.out.println("ANSWER " + b64(bridge.join(Long.parseLong(p[1]), p[2], text(p[3]))));
                case "WATCH" -> System.out.println("ANSWER " + b64(bridge.watch(Long.parseLong(p[1]), p[2], p[3], text(p[4]))));
                case "END" -> {
                    bridge.end(Long.parseLong(p[1]));
                    System.out.println("OK");
                }
                case "CPU" -> System.out.println("CPU " + os.getProcessCpuTime());
                case "CHANNELS" -> System.out.println("CHANNELS " + bridge.channels());
                default -> System.out.println("ERROR unknown command " + p[0]);
                }
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e);
            }
            System.out.flush();
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String text(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}

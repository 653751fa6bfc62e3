package org.huijian.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.huijian.media.internal.webrtc.SimulatedPeer;

/**
 * How many meetings one core of the media bridge carries. The bridge runs in its own JVM pinned to CPU 0
 * ({@code taskset}); this load driver is pinned to CPU 1. Each meeting: a lawyer and a detainee each sending VP8-like
 * video (30 frames/s, {@code relay.kbps} kbit/s, a keyframe every 2 s) and Opus-like audio (50 packets/s) through
 * DTLS-SRTP, the bridge relaying each to the other and recording both videos, and one console watching the lawyer's
 * video. Per level: packets lost on every stream, one-way latency through the bridge (sender → bridge → receiver,
 * from the send time each packet carries), and the bridge's processor use. The figure: the most meetings with under
 * 1 % loss and p99 under 5 ms.
 *
 * <p>The receivers do not decrypt: the RTP header is plaintext in SRTP, and it carries the payload type (so a console
 * is still checked for audio), the sequence number and abs-send-time (the send time, carried through by the bridge),
 * so one thread reads every receiving socket through a {@link Selector} and looks at headers only. With
 * {@code -Drelay.decrypt=true} every receiver decrypts and authenticates each packet on a thread of its own instead
 * (the send time then comes from the payload), as a check that what arrives is really what was sent.
 * {@code -Drelay.record=false} runs the bridge's relay without its recorders (bench only: see {@link RelayServer}),
 * to measure what recording costs. {@code -Drelay.all=true} runs
 * every level even after one failed.
 */
public final class RelayBench {
    final int[] levels = Arrays.stream(System.getProperty("relay.levels", "1,5,10,20,30,40,60").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    final int seconds = Integer.getInteger("relay.seconds", 10);
    final int kbps = Integer.getInteger("relay.kbps", 3000);
    final Path dir = Path.of(System.getProperty("bench.directory", "target"));
    final boolean decrypt = Boolean.getBoolean("relay.decrypt");
    /** Go on to the next level even when one fails (to see the processor use grow); the figure stays the last pass. */
    final boolean allLevels = Boolean.getBoolean("relay.all");
    final boolean record = Boolean.parseBoolean(System.getProperty("relay.record", "true"));
    /** Every leg on the bridge's one shared UDP port (as shipped), or each on its own ({@code -Drelay.shared=false}). */
    final boolean shared = Boolean.parseBoolean(System.getProperty("relay.shared", "true"));
    /**
     * The simulated peers offer AES-GCM first, as Chromium does, and the bridge takes it; {@code -Drelay.gcm=false}
     * has them offer only {@code SRTP_AES128_CM_HMAC_SHA1_80}, the profile every leg used before.
     */
    final boolean gcm = Boolean.parseBoolean(System.getProperty("relay.gcm", "true"));
    /**
     * How long the receiving thread polls before it sleeps in {@code select} (microseconds; 0: never polls). On
     * loopback the kernel delivers each datagram on the sender's processor, so a sleeping receiver is woken by the
     * bridge's own {@code sendto}: an inter-processor interrupt charged to the bridge's core that a remote browser
     * never costs it. Polling while packets keep coming keeps that cost out of the bridge's figure.
     */
    final long spinMicros = Long.getLong("relay.spin", 0);
    /** Also print the p99 of each second of a level. */
    final boolean trace = Boolean.getBoolean("relay.trace");
    Selector selector;
    final StringBuilder out = new StringBuilder();

    Process server;
    PrintWriter toServer;
    BufferedReader fromServer;

    /** One simulated meeting. */
    record Meeting(long id, SimulatedPeer lawyer, SimulatedPeer detainee, SimulatedPeer console) {
    }

    /** What the receivers count in one level. */
    static final class Tally {
        final AtomicLong video = new AtomicLong();
        final AtomicLong audio = new AtomicLong();
        final AtomicLong consoleVideo = new AtomicLong();
        final AtomicLong consoleAudio = new AtomicLong();
        private long[] latencies = new long[1 << 16];
        /** When each latency was taken (System.nanoTime), for the per-second trace. */
        private long[] at = new long[1 << 16];
        private int count;

        synchronized void latency(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
                at = Arrays.copyOf(at, count * 2);
            }
            at[count] = System.nanoTime();
            latencies[count++] = nanos;
        }

        /** The p99 latency (ms) of each second from {@code start}. */
        synchronized String p99PerSecond(long start) {
            StringBuilder b = new StringBuilder();
            for (long from = start;; from += 1_000_000_000L) {
                double p99 = Percentiles.p99Ms(at, latencies, count, from, from + 1_000_000_000L);
                if (Double.isNaN(p99)) {
                    return b.toString().strip();
                }
                b.append(String.format(Locale.ROOT, " %.1f", p99));
            }
        }

        synchronized long[] sorted() {
            long[] l = Arrays.copyOf(latencies, count);
            Arrays.sort(l);
            return l;
        }
    }

    volatile Tally tally = new Tally();

    public static void main(String[] args) throws Exception {
        new RelayBench().run();
    }

    String ask(String command) throws Exception {
        toServer.println(command);
        toServer.flush();
        String line = fromServer.readLine();
        if (line == null || line.startsWith("ERROR")) {
            throw new IllegalStateException(command.split(" ")[0] + ": " + line);
        }
        return line;
    }

    long serverCpu() throws Exception {
        return Long.parseLong(ask("CPU").substring(4));
    }

    void run() throws Exception {
        long pid = ProcessHandle.current().pid();
        new ProcessBuilder("taskset", "-a", "-p", "-c", "1", Long.toString(pid)).redirectErrorStream(true).start().waitFor();
        String classpath = String.join(":", dir.resolve("classes").toString(),
                Files.readString(Path.of(System.getProperty("bench.classpath"))).strip());
        Path recordings = dir.resolve("relay-recordings");
        List<String> command = new ArrayList<>(List.of("taskset", "-c", "0",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        // e.g. -Drelay.jvm=-XX:StartFlightRecording=filename=target/relay.jfr,settings=profile
        String jvm = System.getProperty("relay.jvm", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        if (!record) {
            command.add("-Drelay.record=false");
        }
        command.add("-Drelay.shared=" + shared);
        command.addAll(List.of("-cp", classpath, "org.huijian.bench.RelayServer", recordings.toString()));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        toServer = new PrintWriter(server.getOutputStream(), false, StandardCharsets.UTF_8);
        fromServer = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = fromServer.readLine(); !"READY".equals(line); line = fromServer.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the bridge did not start");
            }
            System.out.println("bridge: " + line); // e.g. the flight recorder's notice
        }
        if (!decrypt) {
            selector = Selector.open();
            Thread t = new Thread(this::receiveAll, "relay-receiver");
            t.setDaemon(true);
            t.start();
        }
        int frameBytes = kbps * 1000 / 8 / 30;
        out.append(String.format(Locale.ROOT, "%nMedia relay: bridge pinned to one core (CPU 0), load driver on CPU 1; per "
                + "meeting two parties × (video %d kbit/s at 30 fps in %d-byte frames + audio 50 packets/s), %s, one "
                + "console watching; %s; SRTP %s; %d s per level; receivers %s; load average before: %s%n", kbps,
                frameBytes, record ? "both videos recorded" : "NOT recorded (relay.record=false)",
                shared ? "all legs on one UDP port" : "a UDP port per leg (relay.shared=false)",
                gcm ? "AEAD_AES_128_GCM" : "AES128_CM_HMAC_SHA1_80 (relay.gcm=false)", seconds,
                decrypt ? "decrypt every packet" : spinMicros > 0 ? "read headers only, polling " + spinMicros
                        + " µs before sleeping (relay.spin)" : "read headers only, sleeping when idle (relay.spin=0)",
                loadAverage()));
        out.append(String.format(Locale.ROOT, "  %8s %10s %10s %10s %10s %10s %10s %10s %10s %10s %10s %10s %10s %10s %10s%n",
                "meetings", "packets/s", "loss %", "p50 ms", "p99 ms", "max ms", "bridge %", "user %", "system %",
                "per mtg %", "µs/packet", "driver %", "console audio", "CPU0 busy", "CPU1 busy"));
        List<Meeting> meetings = new ArrayList<>();
        int sustained = 0;
        try {
            for (int level : levels) {
                while (meetings.size() < level) {
                    meetings.add(meeting(meetings.size() + 1));
                }
                Pacer pacer = new Pacer();
                for (Meeting m : meetings) {
                    for (SimulatedPeer p : List.of(m.lawyer(), m.detainee())) {
                        pacer.add(() -> p.sendFrame(frameBytes, 60, 1280, 720), 33_333_333L);
                        pacer.add(p::sendAudio, 20_000_000L);
                    }
                }
                Thread sender = new Thread(pacer, "relay-sender");
                sender.setDaemon(true);
                sender.start();
                Thread.sleep(3000); // warm-up: the new meetings start, the bridge's code gets compiled
                Tally t = new Tally();
                tally = t;
                long videoSent = sent(meetings, true);
                long audioSent = sent(meetings, false);
                long cpu = serverCpu();
                long[] ticks = ticks(server.pid());
                long[][] cores = cores();
                long driver = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
                long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                long videoSentEnd = sent(meetings, true);
                long audioSentEnd = sent(meetings, false);
                long cpuEnd = serverCpu();
                long[] ticksEnd = ticks(server.pid());
                long[][] coresEnd = cores();
                long driverEnd = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
                double wall = (System.nanoTime() - start) / 1e9;
                pacer.stop = true;
                sender.join();
                Thread.sleep(300); // what is still in flight
                tally = new Tally();
                // Each party's video goes to the other party; the lawyer's also to the console. Audio to the other party.
                long expectedVideo = videoSentEnd - videoSent;
                long expectedConsole = (sentLawyerVideo(meetings, videoSentEnd, videoSent));
                long expectedAudio = audioSentEnd - audioSent;
                long got = t.video.get() + t.audio.get() + t.consoleVideo.get();
                long expected = expectedVideo + expectedAudio + expectedConsole;
                double loss = expected == 0 ? 0 : Math.max(0, 100.0 * (expected - got) / expected);
                long[] l = t.sorted();
                double p50 = l.length == 0 ? -1 : l[l.length / 2] / 1e6;
                double p99 = l.length == 0 ? -1 : Percentiles.p99Ms(l);
                double max = l.length == 0 ? -1 : l[l.length - 1] / 1e6;
                double bridgeCpu = 100.0 * (cpuEnd - cpu) / 1e9 / wall;
                double user = (ticksEnd[0] - ticks[0]) / wall; // clock ticks of 10 ms: per second = percent
                double system = (ticksEnd[1] - ticks[1]) / wall;
                double driverCpu = 100.0 * (driverEnd - driver) / 1e9 / wall;
                // The bridge's processor time per packet delivered to a receiver: robust when the machine is shared
                // (the bridge then relays less, and spends less), unlike the per-meeting share.
                double perPacket = got == 0 ? -1 : (cpuEnd - cpu) / 1e3 / got;
                out.append(String.format(Locale.ROOT,
                        "  %8d %10.0f %10.2f %10.2f %10.2f %10.1f %10.1f %10.1f %10.1f %10.2f %10.2f %10.1f %10d %10.1f %10.1f%n",
                        level, got / wall, loss, p50, p99, max, bridgeCpu, user, system, bridgeCpu / level, perPacket,
                        driverCpu, t.consoleAudio.get(), busy(cores[0], coresEnd[0]), busy(cores[1], coresEnd[1])));
                if (trace) {
                    out.append("           p99 ms per second: ").append(t.p99PerSecond(start)).append('\n');
                }
                System.out.print(out.substring(out.lastIndexOf("\n", out.length() - 2) + 1));
                if (loss < 1 && p99 < 5 && t.consoleAudio.get() == 0) {
                    sustained = level;
                } else if (!allLevels) {
                    break;
                }
                Thread.sleep(500);
            }
            out.append(String.format(Locale.ROOT, "  most meetings one bridge core carries with < 1%% loss and p99 < 5 ms: "
                    + "%d%n", sustained));
            out.append("  channels at the end: ").append(ask("CHANNELS").substring(9)).append('\n');
            out.append("  load average after: ").append(loadAverage()).append('\n');
        } finally {
            for (Meeting m : meetings) {
                m.lawyer().close();
                m.detainee().close();
                m.console().close();
            }
            server.destroyForcibly().waitFor();
            if (selector != null) {
                selector.close();
            }
            // ~1 GB a minute at 100 meetings: a few runs would fill the disk (they did)
            if (Files.exists(recordings)) {
                try (var files = Files.walk(recordings)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        System.out.print(out);
        Files.writeString(dir.resolve("relay-results.txt"), out.toString());
    }

    static long sent(List<Meeting> meetings, boolean video) {
        long n = 0;
        for (Meeting m : meetings) {
            n += video ? m.lawyer().sentVideo.get() + m.detainee().sentVideo.get()
                    : m.lawyer().sentAudio.get() + m.detainee().sentAudio.get();
        }
        return n;
    }

    /** The lawyers' share of the video sent (each console watches its meeting's lawyer). */
    static long sentLawyerVideo(List<Meeting> meetings, long end, long start) {
        return (end - start) / 2;
    }

    Meeting meeting(long id) throws Exception {
        SimulatedPeer lawyer = new SimulatedPeer(gcm);
        SimulatedPeer detainee = new SimulatedPeer(gcm);
        SimulatedPeer console = new SimulatedPeer(gcm);
        lawyer.connect(RelayServer.text(ask("JOIN " + id + " lawyer " + RelayServer.b64(lawyer.offer(true))).substring(7)));
        detainee.connect(RelayServer.text(ask("JOIN " + id + " detainee " + RelayServer.b64(detainee.offer(true))).substring(7)));
        console.connect(RelayServer.text(ask("WATCH " + id + " lawyer w" + id + " " + RelayServer.b64(console.offer(false)))
                .substring(7)));
        receive(lawyer, false);
        receive(detainee, false);
        receive(console, true);
        return new Meeting(id, lawyer, detainee, console);
    }

    /** Something a sender does on time. */
    interface Send {
        void run() throws Exception;
    }

    /**
     * Sends every party's video frames and audio packets on time from one thread, each stream at a random phase:
     * one wake-up when the next stream is due rather than one scheduled task per packet.
     */
    static final class Pacer implements Runnable {
        final List<Send> sends = new ArrayList<>();
        long[] due = new long[0];
        long[] period = new long[0];
        volatile boolean stop;

        void add(Send s, long periodNanos) {
            sends.add(s);
            due = Arrays.copyOf(due, sends.size());
            period = Arrays.copyOf(period, sends.size());
            period[sends.size() - 1] = periodNanos;
            due[sends.size() - 1] = (long) (Math.random() * periodNanos);
        }

        @Override
        public void run() {
            long base = System.nanoTime();
            for (int i = 0; i < due.length; i++) {
                due[i] += base;
            }
            while (!stop) {
                long now = System.nanoTime();
                long next = Long.MAX_VALUE;
                for (int i = 0; i < due.length; i++) {
                    while (due[i] <= now) {
                        try {
                            sends.get(i).run();
                        } catch (Exception e) {
                            // counted as loss
                        }
                        due[i] += period[i];
                    }
                    next = Math.min(next, due[i]);
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * Busy and total ticks of CPU 0 and CPU 1 from /proc/stat. Busy includes interrupts and softirqs: on loopback the
     * kernel delivers packets in softirq context, charged to no process, so a process's own time under-counts what
     * its core does for it.
     */
    static long[][] cores() throws java.io.IOException {
        long[][] r = new long[2][2];
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            for (int c = 0; c < 2; c++) {
                if (line.startsWith("cpu" + c + " ")) {
                    String[] f = line.trim().split("\\s+");
                    long total = 0;
                    for (int i = 1; i <= 8 && i < f.length; i++) { // guest time is already in user
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                    r[c][0] = total - idle;
                    r[c][1] = total;
                }
            }
        }
        return r;
    }

    static double busy(long[] start, long[] end) {
        return end[1] == start[1] ? -1 : 100.0 * (end[0] - start[0]) / (end[1] - start[1]);
    }

    /** User and system clock ticks (USER_HZ, 100 a second) of a process so far, from /proc/PID/stat. */
    static long[] ticks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] { Long.parseLong(f[11]), Long.parseLong(f[12]) }; // fields 14 and 15 of the whole line
    }

    /** The one receiving thread (headers only): every receiver's socket through one selector. */
    void receiveAll() {
        ByteBuffer scratch = ByteBuffer.allocateDirect(2048);
        byte[] header = new byte[64];
        long spin = spinMicros * 1000;
        while (selector.isOpen()) {
            try {
                if (spin == 0 || selector.selectNow() == 0 && !poll(spin)) {
                    selector.select();
                }
                for (var it = selector.selectedKeys().iterator(); it.hasNext();) {
                    SelectionKey k = it.next();
                    it.remove();
                    Receiver r = (Receiver) k.attachment();
                    r.peer.drain(scratch, header, r);
                }
            } catch (java.nio.channels.ClosedSelectorException e) {
                return;
            } catch (java.io.IOException | RuntimeException e) {
                if (!selector.isOpen()) {
                    return;
                }
            }
        }
    }

    /** Polls the selector for up to {@code nanos}; whether something became ready. */
    private boolean poll(long nanos) throws java.io.IOException {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            if (selector.selectNow() > 0) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** One receiving peer's counting, on the receiving thread. */
    final class Receiver implements SimulatedPeer.HeaderSink {
        final SimulatedPeer peer;
        final boolean isConsole;

        Receiver(SimulatedPeer peer, boolean isConsole) {
            this.peer = peer;
            this.isConsole = isConsole;
        }

        @Override
        public void packet(boolean video, long ssrc, int seq, long latencyNanos) {
            Tally x = tally;
            if (isConsole) {
                (video ? x.consoleVideo : x.consoleAudio).incrementAndGet();
            } else {
                (video ? x.video : x.audio).incrementAndGet();
            }
            if (latencyNanos >= 0) {
                x.latency(latencyNanos);
            }
        }
    }

    void receive(SimulatedPeer p, boolean isConsole) throws java.io.IOException {
        if (!decrypt) {
            SelectionKey k = p.register(selector.wakeup());
            k.attach(new Receiver(p, isConsole));
            selector.wakeup();
            return;
        }
        Thread t = new Thread(() -> p.receive((kind, nanos) -> {
            Tally x = tally;
            if (isConsole) {
                (kind.equals("video") ? x.consoleVideo : x.consoleAudio).incrementAndGet();
            } else {
                (kind.equals("video") ? x.video : x.audio).incrementAndGet();
            }
            x.latency(nanos);
        }), "relay-receiver");
        t.setDaemon(true);
        t.start();
    }
}

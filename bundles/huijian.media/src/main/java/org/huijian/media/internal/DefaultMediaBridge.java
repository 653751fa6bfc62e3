package org.huijian.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huijian.media.Channels;
import org.huijian.media.MediaBridge;
import org.huijian.media.Recording;
import org.huijian.media.internal.record.Recorder;
import org.huijian.media.internal.webrtc.Endpoint;
import org.huijian.media.internal.webrtc.Identity;
import org.huijian.media.internal.webrtc.Relay;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media bridge: per meeting a {@link Relay} between the two parties' {@link Endpoint}s, consoles' video-only
 * monitor legs, and a {@link Recorder} per party and connection ({@code <recordings>/<meeting>/<party>-<n>.webm},
 * with {@code .json} beside it once finished). At start, recordings a stopped server left unfinished are closed
 * off: their size and SHA-256 are recorded and they are marked interrupted; they play up to their last cluster.
 */
@Component(service = { MediaBridge.class, DefaultMediaBridge.class }, configurationPid = MediaConfig.PID)
@Designate(ocd = MediaConfig.class)
public class DefaultMediaBridge implements MediaBridge {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMediaBridge.class);
    private static final Pattern FILE = Pattern.compile("(lawyer|detainee)-(\\d+)\\.webm");

    /** One meeting's media. */
    private final class Live {
        final long meetingId;
        final Relay relay = new Relay();
        final Map<String, Endpoint> parties = new ConcurrentHashMap<>();
        final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
        final Map<String, List<Endpoint>> monitors = new ConcurrentHashMap<>();

        Live(long meetingId) {
            this.meetingId = meetingId;
            relay.tapVideo((party, rtp) -> {
                Recorder r = recorders.get(party);
                if (r != null) {
                    try {
                        r.packet(rtp);
                    } catch (IOException e) {
                        LOG.error("Meeting {}: recording the {}'s video failed: {}", meetingId, party, e.toString());
                    }
                }
            });
        }
    }

    private final Identity identity = Identity.create();
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final InetAddress bind;
    private final String advertised;
    private final Path recordings;
    private final int maxMeetings;
    private final boolean unrecordedAllowed;

    @Activate
    public DefaultMediaBridge(MediaConfig config) throws IOException {
        this.advertised = config.advertisedAddress().isBlank() ? guessAddress() : config.advertisedAddress().strip();
        // Bound to the announced address by default: a UDP socket on the wildcard address answers from whichever
        // address the route picks, and browsers drop answers that come from another address than they asked.
        this.bind = InetAddress.getByName(config.bindAddress().isBlank() ? advertised : config.bindAddress().strip());
        this.recordings = config.recordingsDirectory().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data")).resolve("recordings")
                : Path.of(config.recordingsDirectory().strip());
        this.maxMeetings = config.maxMeetings();
        this.unrecordedAllowed = config.unrecordedAllowed();
        Files.createDirectories(recordings);
        closeOffInterrupted();
        LOG.info("Media bridge on {} (announced as {}), recordings in {}", bind.getHostAddress(), advertised, recordings);
    }

    @Deactivate
    void deactivate() {
        new ArrayList<>(live.keySet()).forEach(this::end);
    }

    @Override
    public boolean unrecordedAllowed() {
        return unrecordedAllowed;
    }

    @Override
    public String join(long meetingId, String party, String offerSdp) {
        checkParty(party);
        Live m = live.computeIfAbsent(meetingId, id -> {
            if (live.size() >= maxMeetings) {
                throw new IllegalStateException("the media bridge carries its most meetings (" + maxMeetings + ")");
            }
            return new Live(id);
        });
        Endpoint e = endpoint();
        String answer;
        try {
            answer = e.answer(offerSdp, m.relay.party(party, e), "huijian-" + party);
        } catch (RuntimeException bad) {
            e.close();
            throw bad;
        }
        Endpoint old = m.parties.put(party, e);
        if (old != null) {
            old.close();
        }
        // A new connection is a new stream (new timestamps): a new recording file continues it.
        Recorder previous;
        try {
            previous = m.recorders.put(party, new Recorder(next(meetingId, party)));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        if (previous != null) {
            finish(meetingId, party, previous, false);
        }
        LOG.info("Meeting {}: the {} joined the media bridge on port {}", meetingId, party, e.port());
        return answer;
    }

    @Override
    public String watch(long meetingId, String party, String watcher, String offerSdp) {
        checkParty(party);
        Live m = live.get(meetingId);
        if (m == null) {
            throw new IllegalStateException("meeting " + meetingId + " has no media on the bridge yet");
        }
        Endpoint e = endpoint();
        try {
            String answer = e.answer(offerSdp, m.relay.monitor(party, e), "huijian-monitor-" + party);
            m.monitors.computeIfAbsent(watcher, w -> Collections.synchronizedList(new ArrayList<>())).add(e);
            return answer;
        } catch (RuntimeException bad) {
            m.relay.removeMonitor(e);
            e.close();
            throw bad;
        }
    }

    @Override
    public void unwatch(long meetingId, String watcher) {
        Live m = live.get(meetingId);
        List<Endpoint> legs = m == null ? null : m.monitors.remove(watcher);
        if (legs != null) {
            for (Endpoint e : legs) {
                m.relay.removeMonitor(e);
                e.close();
            }
        }
    }

    @Override
    public void end(long meetingId) {
        Live m = live.remove(meetingId);
        if (m == null) {
            return;
        }
        m.parties.values().forEach(Endpoint::close);
        m.monitors.values().forEach(l -> l.forEach(Endpoint::close));
        m.recorders.forEach((party, r) -> finish(meetingId, party, r, false));
        LOG.info("Meeting {}: media ended, {} forwarded packets, audio to monitors {}", meetingId, m.relay.forwarded(),
                m.relay.audioToMonitors());
    }

    @Override
    public Channels channels() {
        int legs = 0;
        int monitors = 0;
        int recording = 0;
        long audio = 0;
        long dropped = 0;
        for (Live m : live.values()) {
            legs += m.parties.size();
            monitors += m.monitors.values().stream().mapToInt(List::size).sum();
            recording += m.recorders.size();
            audio += m.relay.audioToMonitors();
            dropped += m.parties.values().stream().mapToLong(e -> e.counters().dropped.get()).sum();
        }
        return new Channels(live.size(), legs, monitors, recording, audio, dropped);
    }

    @Override
    public List<Recording> recordings(long meetingId) {
        Path dir = recordings.resolve(Long.toString(meetingId));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Recording> out = new ArrayList<>();
        Live m = live.get(meetingId);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                Matcher n = FILE.matcher(f.getFileName().toString());
                if (!n.matches()) {
                    continue;
                }
                Path json = f.resolveSibling(f.getFileName().toString().replace(".webm", ".json"));
                int part = Integer.parseInt(n.group(2));
                if (Files.exists(json)) {
                    out.add(read(meetingId, n.group(1), part, Files.readString(json)));
                } else {
                    Recorder r = m == null ? null : m.recorders.get(n.group(1));
                    boolean writing = r != null && r.path().equals(f);
                    out.add(new Recording(meetingId, n.group(1), part, writing ? r.started()
                            : Files.getLastModifiedTime(f).toInstant(), null, Files.size(f), writing ? r.frames() : 0,
                            writing ? r.durationMs() : 0, null, !writing));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The recordings of the {@code meetings} most recent meetings, newest meeting first. */
    public List<Recording> recent(int meetings) {
        try (Stream<Path> dirs = Files.list(recordings)) {
            List<Long> ids = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> n.matches("\\d{1,18}")).map(Long::parseLong)
                    .sorted(java.util.Comparator.reverseOrder()).limit(meetings).toList();
            List<Recording> out = new ArrayList<>();
            for (long id : ids) {
                out.addAll(recordings(id));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path file(long meetingId, String party) throws IOException {
        checkParty(party);
        try (Stream<Path> files = Files.list(recordings.resolve(Long.toString(meetingId)))) {
            return files.filter(f -> f.getFileName().toString().startsWith(party + "-")
                    && f.getFileName().toString().endsWith(".webm")).sorted().findFirst()
                    .orElseThrow(() -> new java.nio.file.NoSuchFileException(party + " recording of meeting " + meetingId));
        }
    }

    /** The path of a party's {@code n}-th recording file. */
    public Path file(long meetingId, String party, int n) {
        checkParty(party);
        return recordings.resolve(Long.toString(meetingId)).resolve(party + "-" + n + ".webm");
    }

    // ---- helpers ----

    private Endpoint endpoint() {
        try {
            return new Endpoint(bind, identity, advertised);
        } catch (SocketException e) {
            throw new IllegalStateException("no UDP port for the media bridge: " + e.getMessage(), e);
        }
    }

    private static void checkParty(String party) {
        if (!LAWYER.equals(party) && !DETAINEE.equals(party)) {
            throw new IllegalArgumentException("party must be lawyer or detainee, not " + party);
        }
    }

    private Path next(long meetingId, String party) throws IOException {
        Path dir = recordings.resolve(Long.toString(meetingId));
        Files.createDirectories(dir);
        int n = 1;
        while (Files.exists(dir.resolve(party + "-" + n + ".webm"))) {
            n++;
        }
        return dir.resolve(party + "-" + n + ".webm");
    }

    /** Closes a recording and writes its record beside it (atomically). */
    private void finish(long meetingId, String party, Recorder r, boolean interrupted) {
        try {
            Instant started = r.started();
            long frames = r.frames();
            long duration = r.durationMs();
            r.close();
            writeRecord(meetingId, party, r.path(), started, Instant.now(), frames, duration, interrupted);
        } catch (IOException e) {
            LOG.error("Meeting {}: could not finish the {}'s recording {}: {}", meetingId, party, r.path(), e.toString());
        }
    }

    private void writeRecord(long meetingId, String party, Path webm, Instant started, Instant ended, long frames,
            long duration, boolean interrupted) throws IOException {
        String json = "{\"meetingId\":" + meetingId + ",\"party\":\"" + party + "\",\"startedAt\":\"" + started
                + "\",\"endedAt\":\"" + ended + "\",\"sizeBytes\":" + Files.size(webm) + ",\"frames\":" + frames
                + ",\"durationMs\":" + duration + ",\"sha256\":\"" + sha256(webm) + "\",\"interrupted\":" + interrupted
                + "}";
        Path record = webm.resolveSibling(webm.getFileName().toString().replace(".webm", ".json"));
        Path tmp = record.resolveSibling(record.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Recording read(long meetingId, String party, int part, String json) {
        return new Recording(meetingId, party, part, Instant.parse(text(json, "startedAt")), Instant.parse(text(json, "endedAt")),
                Long.parseLong(text(json, "sizeBytes")), Long.parseLong(text(json, "frames")),
                Long.parseLong(text(json, "durationMs")), text(json, "sha256"),
                Boolean.parseBoolean(text(json, "interrupted")));
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + field + " in " + json);
        }
        return m.group(1);
    }

    /** Recordings a stopped server left without their record: they are closed off as interrupted. */
    private void closeOffInterrupted() throws IOException {
        try (Stream<Path> meetings = Files.list(recordings)) {
            for (Path dir : meetings.filter(Files::isDirectory).toList()) {
                long meetingId;
                try {
                    meetingId = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Matcher n = FILE.matcher(f.getFileName().toString());
                        Path json = f.resolveSibling(f.getFileName().toString().replace(".webm", ".json"));
                        if (n.matches() && !Files.exists(json)) {
                            Instant modified = Files.getLastModifiedTime(f).toInstant();
                            writeRecord(meetingId, n.group(1), f, modified, modified, 0, 0, true);
                            LOG.warn("Recording {} was left unfinished by a stop; closed off as interrupted", f);
                        }
                    }
                }
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first site-local IPv4 address of this machine, else its first other non-loopback IPv4, else loopback. */
    static String guessAddress() {
        String other = null;
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                        return a.getHostAddress();
                    }
                    if (a instanceof Inet4Address && other == null && !a.isLinkLocalAddress()) {
                        other = a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("Cannot list network interfaces: {}", e.toString());
        }
        return other != null ? other : "127.0.0.1";
    }
}

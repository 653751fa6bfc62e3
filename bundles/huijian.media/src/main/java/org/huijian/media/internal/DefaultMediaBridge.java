package org.huijian.media.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huijian.media.Channels;
import org.huijian.media.MediaBridge;
import org.huijian.media.Recording;
import org.huijian.media.internal.archive.RecordingArchive;
import org.huijian.media.internal.record.Recorder;
import org.huijian.media.internal.webrtc.Endpoint;
import org.huijian.media.internal.webrtc.Identity;
import org.huijian.media.internal.webrtc.Relay;
import org.huijian.media.internal.webrtc.SharedPort;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media bridge: per meeting a {@link Relay} between the two parties' {@link Endpoint}s, consoles' video-only
 * monitor legs, and a {@link Recorder} per party and connection ({@code <recordings>/<meeting>/<party>-<n>.webm}),
 * each registered with its meeting in the {@link RecordingArchive} before it starts and sealed there (end, size,
 * frames, duration, SHA-256) when it is finished. At start, recordings a stopped server left open are sealed as
 * interrupted with their size and SHA-256; they play up to their last cluster.
 */
@Component(service = { MediaBridge.class, DefaultMediaBridge.class }, configurationPid = MediaConfig.PID)
@Designate(ocd = MediaConfig.class)
public class DefaultMediaBridge implements MediaBridge {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMediaBridge.class);

    /** One meeting's media. */
    private final class Live {
        final long meetingId;
        final Relay relay = new Relay();
        final Map<String, Endpoint> parties = new ConcurrentHashMap<>();
        final Map<String, Part> recorders = new ConcurrentHashMap<>();
        final Map<String, List<Endpoint>> monitors = new ConcurrentHashMap<>();

        Live(long meetingId) {
            this.meetingId = meetingId;
            relay.tapVideo((String party, byte[] rtp, int length) -> {
                Part r = recorders.get(party);
                if (r != null) {
                    try {
                        r.recorder().packet(rtp, length);
                    } catch (IOException e) {
                        LOG.error("Meeting {}: recording the {}'s video failed: {}", meetingId, party, e.toString());
                    }
                }
            });
        }
    }

    /** A party's recording in progress and its part number. */
    private record Part(int part, Recorder recorder) {
    }

    private final Identity identity = Identity.create();
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final InetAddress bind;
    /** The UDP port every leg is on, or null when each has its own. */
    private final SharedPort shared;
    private final String advertised;
    private final Path recordings;
    private final int maxMeetings;
    private final boolean unrecordedAllowed;
    private final RecordingArchive archive;

    @Activate
    public DefaultMediaBridge(MediaConfig config, @Reference RecordingArchive archive) throws IOException {
        this.archive = archive;
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
        Thread crypto = new Thread(Endpoint::prepareCrypto, "huijian-srtp-prepare");
        crypto.setDaemon(true);
        crypto.start();
        closeOffInterrupted();
        if (config.sharedPort()) {
            try {
                this.shared = new SharedPort(bind, config.port());
            } catch (IOException e) {
                throw new IOException("the media bridge cannot listen on UDP " + bind.getHostAddress() + ":" + config.port()
                        + " (port in use? set port in etc/" + MediaConfig.PID + ".cfg): " + e.getMessage(), e);
            }
        } else {
            this.shared = null;
        }
        LOG.info("Media bridge on {} UDP {} (announced as {}), recordings in {}", bind.getHostAddress(),
                shared == null ? "ports of each leg's own" : "port " + shared.port(), advertised, recordings);
    }

    @Deactivate
    void deactivate() {
        new ArrayList<>(live.keySet()).forEach(this::end);
        if (shared != null) {
            shared.close();
        }
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
        Part previous;
        try {
            synchronized (m) { // a party that reconnects twice at once still gets one part number per file
                previous = m.recorders.put(party, next(meetingId, party));
            }
        } catch (IOException | RuntimeException failed) {
            e.close();
            m.parties.remove(party, e);
            throw new IllegalStateException("the recording of the " + party + "'s video could not start: " + failed,
                    failed);
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
        long dropped = shared == null ? 0 : shared.dropped();
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
        Live m = live.get(meetingId);
        List<Recording> out = new ArrayList<>();
        for (Recording r : archive.of(meetingId)) {
            Part writing = m == null ? null : m.recorders.get(r.party());
            if (r.endedAt() == null && writing != null && writing.part() == r.part()) {
                Path f = file(meetingId, r.party(), r.part());
                long size;
                try {
                    size = Files.size(f);
                } catch (IOException e) {
                    size = 0;
                }
                out.add(new Recording(meetingId, r.party(), r.part(), r.startedAt(), null, size,
                        writing.recorder().frames(), writing.recorder().durationMs(), null, false));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The recordings of the {@code meetings} most recent meetings, newest meeting first. */
    public List<Recording> recent(int meetings) {
        List<Recording> out = new ArrayList<>();
        for (long id : archive.recentMeetings(meetings)) {
            out.addAll(recordings(id));
        }
        return out;
    }

    @Override
    public Path file(long meetingId, String party) throws IOException {
        checkParty(party);
        return archive.of(meetingId).stream().filter(r -> r.party().equals(party)).findFirst()
                .map(r -> file(meetingId, party, r.part()))
                .orElseThrow(() -> new java.nio.file.NoSuchFileException(party + " recording of meeting " + meetingId));
    }

    /** The path of a party's {@code n}-th recording file. */
    public Path file(long meetingId, String party, int n) {
        checkParty(party);
        return recordings.resolve(Long.toString(meetingId)).resolve(party + "-" + n + ".webm");
    }

    // ---- helpers ----

    private Endpoint endpoint() {
        try {
            return shared != null ? new Endpoint(shared, identity, advertised) : new Endpoint(bind, identity, advertised);
        } catch (SocketException e) {
            throw new IllegalStateException("no UDP port for the media bridge: " + e.getMessage(), e);
        }
    }

    private static void checkParty(String party) {
        if (!LAWYER.equals(party) && !DETAINEE.equals(party)) {
            throw new IllegalArgumentException("party must be lawyer or detainee, not " + party);
        }
    }

    /** Registers the party's next recording and starts its file. */
    private Part next(long meetingId, String party) throws IOException {
        Path dir = recordings.resolve(Long.toString(meetingId));
        Files.createDirectories(dir);
        int free = 1;
        while (Files.exists(dir.resolve(party + "-" + free + ".webm"))) {
            free++;
        }
        int part = archive.register(meetingId, party, free, Instant.now());
        return new Part(part, new Recorder(file(meetingId, party, part)));
    }

    /** Closes a recording and seals its record. */
    private void finish(long meetingId, String party, Part p, boolean interrupted) {
        Recorder r = p.recorder();
        try {
            long frames = r.frames();
            long duration = r.durationMs();
            r.close();
            archive.seal(meetingId, party, p.part(), Instant.now(), Files.size(r.path()), frames, duration,
                    sha256(r.path()), interrupted);
        } catch (IOException | RuntimeException e) {
            LOG.error("Meeting {}: could not finish the {}'s recording {}: {}", meetingId, party, r.path(), e.toString());
        }
    }

    /** Recordings a stopped server left open: sealed as interrupted, with what their files hold. */
    private void closeOffInterrupted() {
        for (Recording r : archive.open()) {
            if (live.containsKey(r.meetingId())) {
                continue;
            }
            Path f = file(r.meetingId(), r.party(), r.part());
            try {
                boolean exists = Files.exists(f);
                Instant ended = exists ? Files.getLastModifiedTime(f).toInstant() : r.startedAt();
                archive.seal(r.meetingId(), r.party(), r.part(), ended, exists ? Files.size(f) : 0, 0, 0,
                        exists ? sha256(f) : null, true);
                LOG.warn("Recording {} was left unfinished by a stop; sealed as interrupted", f);
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not seal the interrupted recording {}: {}", f, e.toString());
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

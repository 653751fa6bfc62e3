package org.huijian.meeting.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.huijian.core.Checks;
import org.huijian.core.InvalidInputException;

/**
 * A message a terminal or console sends over the signalling WebSocket, checked before anything acts on it: one JSON
 * object, a known {@code type}, only the fields that type has, each within its limits. Anything else is refused
 * with the field at fault, and nothing happens to the meeting.
 *
 * <p>Types: {@code hello} (the terminal's device secret, or a supervisor's one-time console ticket; the first message
 * of a connection); {@code ready}, {@code connect}, {@code hangup} (a terminal, a meeting id); {@code watch},
 * {@code unwatch} (a console, a meeting id); {@code signal} (a meeting id, the {@code channel} — {@code call}
 * between the two parties, {@code monitor} between a terminal and a console watching it, where {@code peer} names
 * the other end: the console's watcher id when a terminal sends, {@code lawyer} or {@code detainee} when a console
 * sends — the {@code kind} {@code offer}, {@code answer} or {@code ice}, and the SDP or ICE candidate);
 * {@code media} between a terminal and the server's media bridge, when the site has one); {@code ping}.
 *
 * <p>Privilege by construction: an offer or answer on the {@code monitor} channel may carry video only. One with an
 * audio (or any non-video) media section is refused here, whatever the page did, so lawyer–client talk cannot reach
 * a console through the signalling.
 */
record Signal(String type, long meetingId, String channel, String kind, String sdp, Candidate candidate, String secret,
        String peer, Display display) {

    /**
     * What the lawyer's document display (文书展示) shows, for the detainee's screen to follow: capture {@code seq} of
     * the meeting ({@code 0}: the display is closed), the zoom (1 = the page fits) and the point of the page in the
     * middle of the view, as fractions of its width and height.
     */
    record Display(int seq, double zoom, double x, double y) {
    }

    Signal(String type, long meetingId, String channel, String kind, String sdp, Candidate candidate, String secret,
            String peer) {
        this(type, meetingId, channel, kind, sdp, candidate, secret, peer, null);
    }

    /** An ICE candidate as the browser gives it. */
    record Candidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
    }

    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final int MAX_SDP = 60_000;
    static final Set<String> TYPES = Set.of("hello", "ready", "connect", "hangup", "watch", "unwatch", "signal", "ping",
            "display");
    static final Set<String> CHANNELS = Set.of("call", "monitor", "media");
    static final Set<String> KINDS = Set.of("offer", "answer", "ice");
    private static final Pattern MEDIA_LINE = Pattern.compile("(?m)^m=([a-z]+) ");
    private static final Pattern PEER = Pattern.compile("lawyer|detainee|w[0-9]{1,12}");

    /** Reads and checks one text message. */
    static Signal parse(ObjectMapper json, String text) {
        if (text == null || text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new InvalidInputException("(message)", "a message must be a JSON object of at most "
                    + MAX_MESSAGE_BYTES / 1024 + " KiB");
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("(message)", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("(message)", "a message must be a JSON object");
        }
        String type = text(root, "type", 16, true);
        if (!TYPES.contains(type)) {
            throw new InvalidInputException("type", "unknown message type '" + type + "'; one of " + sorted(TYPES));
        }
        switch (type) {
        case "hello":
            only(root, Set.of("type", "secret"));
            return new Signal(type, 0, null, null, null, null, text(root, "secret", 100, true), null);
        case "ping":
            only(root, Set.of("type"));
            return new Signal(type, 0, null, null, null, null, null, null);
        case "display":
            return display(root);
        case "ready", "connect", "hangup", "watch", "unwatch":
            only(root, Set.of("type", "meetingId"));
            return new Signal(type, meetingId(root), null, null, null, null, null, null);
        default:
            return signal(root);
        }
    }

    private static Signal signal(JsonNode root) {
        long meetingId = meetingId(root);
        String channel = text(root, "channel", 16, true);
        String kind = text(root, "kind", 16, true);
        Checks checks = new Checks().rule(CHANNELS.contains(channel), "channel", "must be one of " + sorted(CHANNELS))
                .rule(KINDS.contains(kind), "kind", "must be one of " + sorted(KINDS));
        checks.done();
        String peer = text(root, "peer", 16, false);
        if (channel.equals("monitor") && (peer == null || !PEER.matcher(peer).matches())) {
            throw new InvalidInputException("peer", "a monitor message names its peer: lawyer, detainee or a "
                    + "watcher id (w…)");
        }
        if (!channel.equals("monitor") && peer != null) {
            throw new InvalidInputException("peer", "a " + channel + " message names no peer");
        }
        if (kind.equals("ice")) {
            only(root, Set.of("type", "meetingId", "channel", "kind", "candidate", "peer"));
            JsonNode c = root.get("candidate");
            if (c == null || !c.isObject()) {
                throw new InvalidInputException("candidate", "an ICE message needs a candidate object");
            }
            only(c, Set.of("candidate", "sdpMid", "sdpMLineIndex", "usernameFragment"), "candidate.");
            String line = text(c, "candidate", 1000, false, "candidate.");
            String mid = text(c, "sdpMid", 64, false, "candidate.");
            Integer index = null;
            if (c.hasNonNull("sdpMLineIndex")) {
                JsonNode i = c.get("sdpMLineIndex");
                if (!i.canConvertToInt() || !i.isIntegralNumber() || i.intValue() < 0 || i.intValue() > 64) {
                    throw new InvalidInputException("candidate.sdpMLineIndex", "must be a whole number from 0 to 64");
                }
                index = i.intValue();
            }
            return new Signal("signal", meetingId, channel, kind, null,
                    new Candidate(line == null ? "" : line, mid, index), null, peer);
        }
        only(root, Set.of("type", "meetingId", "channel", "kind", "sdp", "peer"));
        String sdp = text(root, "sdp", MAX_SDP, true);
        if (!sdp.startsWith("v=0")) {
            throw new InvalidInputException("sdp", "not a session description (it must start with v=0)");
        }
        if (channel.equals("monitor")) {
            var m = MEDIA_LINE.matcher(sdp);
            while (m.find()) {
                if (!m.group(1).equals("video")) {
                    throw new InvalidInputException("sdp", "a supervisor's monitor carries video only; this "
                            + kind + " has a media section of kind '" + m.group(1) + "'");
                }
            }
        }
        return new Signal("signal", meetingId, channel, kind, sdp, null, null, peer);
    }

    /** {@code display}: a meeting, a capture number (0 to close), zoom 0.25–8, the view's centre 0–1 each way. */
    private static Signal display(JsonNode root) {
        only(root, Set.of("type", "meetingId", "seq", "zoom", "x", "y"));
        long meetingId = meetingId(root);
        JsonNode seq = root.get("seq");
        if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToInt() || seq.intValue() < 0
                || seq.intValue() > 1_000_000) {
            throw new InvalidInputException("seq", "the capture's number in the meeting (0 to close the display)");
        }
        double zoom = number(root, "zoom", 1, 0.25, 8);
        double x = number(root, "x", 0.5, 0, 1);
        double y = number(root, "y", 0.5, 0, 1);
        return new Signal("display", meetingId, null, null, null, null, null, null,
                new Display(seq.intValue(), zoom, x, y));
    }

    private static double number(JsonNode root, String field, double absent, double min, double max) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return absent;
        }
        if (!n.isNumber() || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new InvalidInputException(field, "must be a number from " + min + " to " + max);
        }
        return n.doubleValue();
    }

    private static long meetingId(JsonNode root) {
        JsonNode n = root.get("meetingId");
        if (n == null || n.isNull()) {
            throw new InvalidInputException("meetingId", "required");
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() <= 0) {
            throw new InvalidInputException("meetingId", "must be a positive whole number");
        }
        return n.longValue();
    }

    private static String text(JsonNode node, String field, int max, boolean required) {
        return text(node, field, max, required, "");
    }

    private static String text(JsonNode node, String field, int max, boolean required, String prefix) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new InvalidInputException(prefix + field, "required");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidInputException(prefix + field, "must be text");
        }
        if (n.textValue().length() > max) {
            throw new InvalidInputException(prefix + field, "at most " + max + " characters");
        }
        return n.textValue();
    }

    private static void only(JsonNode node, Set<String> allowed) {
        only(node, allowed, "");
    }

    private static void only(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new InvalidInputException(prefix + f, "not a field of this message");
            }
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList()).toLowerCase(Locale.ROOT);
    }
}

package org.huijian.media.internal.webrtc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bridge reads from a browser's offer (RFC 8829/8843/8122) and the answer it writes: BUNDLE on one
 * transport, ICE-lite with one host candidate, DTLS passive, rtcp-mux; Opus for audio and VP8 for video (with NACK,
 * PLI, FIR and REMB feedback), in the offer's own payload types. Anything else in the offer (other codecs, header
 * extensions, data channels) is declined or left out.
 */
final class Sdp {

    /** One m= section of the offer; {@code codec} null when the bridge declines it (port 0 in the answer). */
    record Media(String kind, String mid, String direction, int payloadType, String codec, String fmtp, String mLine,
            int absSendTime) {
        boolean accepted() {
            return codec != null;
        }
    }

    /** The parts of an offer the bridge uses. */
    record Offer(String iceUfrag, String icePwd, String fingerprint, String setup, List<Media> media) {
        List<Media> accepted() {
            return media.stream().filter(Media::accepted).toList();
        }
    }

    private static final Pattern M_LINE = Pattern.compile("^m=(\\w+) \\d+ [^ ]+ (.*)$");
    /** The sender's clock in each packet: what the receiver's bandwidth estimate (and so REMB) needs. */
    static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    private static final Pattern EXTMAP = Pattern.compile("^a=extmap:(\\d+)(?:/\\w+)? (\\S+).*$");

    private Sdp() {
    }

    /** Reads an offer; {@link IllegalArgumentException} naming what is missing. */
    static Offer parse(String sdp) {
        String[] lines = sdp.replace("\r\n", "\n").split("\n");
        String ufrag = null;
        String pwd = null;
        String fingerprint = null;
        String setup = null;
        List<Media> media = new ArrayList<>();
        String kind = null;
        String mLine = null;
        int abs = -1;
        String mid = null;
        String direction = "sendrecv";
        Map<Integer, String> rtpmap = new LinkedHashMap<>();
        Map<Integer, String> fmtp = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "m=end 0 none";
            if (line.startsWith("m=")) {
                if (kind != null) {
                    Media m = choose(kind, mid, direction, order, rtpmap, fmtp, mLine, abs);
                    media.add(m != null ? m : new Media(kind, mid, direction, -1, null, null, mLine, -1));
                }
                mLine = line;
                Matcher ml = M_LINE.matcher(line);
                kind = ml.matches() ? ml.group(1) : null;
                if ("end".equals(kind)) {
                    break;
                }
                order = new ArrayList<>();
                if (ml.matches()) {
                    for (String pt : ml.group(2).split(" ")) {
                        if (pt.matches("\\d+")) {
                            order.add(Integer.parseInt(pt));
                        }
                    }
                }
                mid = null;
                abs = -1;
                direction = "sendrecv";
                rtpmap = new LinkedHashMap<>();
                fmtp = new LinkedHashMap<>();
            } else if (line.startsWith("a=ice-ufrag:")) {
                ufrag = line.substring(12);
            } else if (line.startsWith("a=ice-pwd:")) {
                pwd = line.substring(10);
            } else if (line.startsWith("a=fingerprint:sha-256 ")) {
                fingerprint = line.substring(22).strip();
            } else if (line.startsWith("a=setup:")) {
                setup = line.substring(8);
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6);
            } else if (line.matches("a=(sendrecv|sendonly|recvonly|inactive)")) {
                direction = line.substring(2);
            } else if (line.startsWith("a=extmap:")) {
                Matcher x = EXTMAP.matcher(line);
                if (x.matches() && x.group(2).equals(ABS_SEND_TIME)) {
                    abs = Integer.parseInt(x.group(1));
                }
            } else if (line.startsWith("a=rtpmap:")) {
                String[] p = line.substring(9).split(" ", 2);
                rtpmap.put(Integer.parseInt(p[0]), p[1]);
            } else if (line.startsWith("a=fmtp:")) {
                String[] p = line.substring(7).split(" ", 2);
                if (p[0].matches("\\d+") && p.length == 2) {
                    fmtp.put(Integer.parseInt(p[0]), p[1]);
                }
            }
        }
        if (ufrag == null || pwd == null) {
            throw new IllegalArgumentException("the offer has no ICE credentials");
        }
        if (fingerprint == null) {
            throw new IllegalArgumentException("the offer has no sha-256 fingerprint (DTLS-SRTP is required)");
        }
        if (media.stream().noneMatch(Media::accepted)) {
            throw new IllegalArgumentException("the offer has no Opus audio or VP8 video section");
        }
        return new Offer(ufrag, pwd, fingerprint, setup, media);
    }

    private static Media choose(String kind, String mid, String direction, List<Integer> order,
            Map<Integer, String> rtpmap, Map<Integer, String> fmtp, String mLine, int abs) {
        String want = switch (kind) {
        case "audio" -> "opus/48000";
        case "video" -> "vp8/90000";
        default -> null;
        };
        if (want == null || mid == null) {
            return null;
        }
        for (int pt : order) {
            String codec = rtpmap.get(pt);
            if (codec != null && codec.toLowerCase(Locale.ROOT).startsWith(want)) {
                return new Media(kind, mid, direction, pt, codec, fmtp.get(pt), mLine, abs >= 1 && abs <= 14 ? abs : -1);
            }
        }
        return null;
    }

    /**
     * The answer. {@code send} says per kind whether the bridge sends media of that kind on this leg (its SSRC and
     * stream id then follow), else it only receives.
     */
    static String answer(Offer offer, String ip, int port, String ufrag, String pwd, String fingerprint,
            Map<String, Long> sendSsrc, String streamId) {
        StringBuilder s = new StringBuilder();
        s.append("v=0\r\no=huijian-media ").append(System.nanoTime()).append(" 2 IN IP4 ").append(ip).append("\r\n");
        s.append("s=-\r\nt=0 0\r\na=ice-lite\r\n");
        s.append("a=group:BUNDLE");
        for (Media m : offer.accepted()) {
            s.append(' ').append(m.mid());
        }
        s.append("\r\na=msid-semantic: WMS ").append(streamId).append("\r\n");
        for (Media m : offer.media()) {
            if (!m.accepted()) { // declined: the same section with port 0
                s.append(m.mLine().replaceFirst("^(m=\\w+) \\d+", "$1 0")).append("\r\nc=IN IP4 0.0.0.0\r\n");
                if (m.mid() != null) {
                    s.append("a=mid:").append(m.mid()).append("\r\n");
                }
                s.append("a=inactive\r\n");
                continue;
            }
            s.append("m=").append(m.kind()).append(' ').append(port).append(" UDP/TLS/RTP/SAVPF ")
                    .append(m.payloadType()).append("\r\n");
            s.append("c=IN IP4 ").append(ip).append("\r\n");
            s.append("a=mid:").append(m.mid()).append("\r\n");
            s.append("a=ice-ufrag:").append(ufrag).append("\r\na=ice-pwd:").append(pwd).append("\r\n");
            s.append("a=fingerprint:sha-256 ").append(fingerprint).append("\r\n");
            s.append("a=setup:passive\r\n");
            s.append("a=candidate:1 1 udp 2130706431 ").append(ip).append(' ').append(port).append(" typ host\r\n");
            s.append("a=end-of-candidates\r\n");
            s.append("a=rtcp-mux\r\n");
            Long ssrc = sendSsrc.get(m.kind());
            boolean browserSends = m.direction().equals("sendrecv") || m.direction().equals("sendonly");
            boolean browserReceives = m.direction().equals("sendrecv") || m.direction().equals("recvonly");
            boolean weSend = ssrc != null && browserReceives;
            // A leg that sends some kinds but not this one (a supervisor's monitor: video only) takes none of it either.
            boolean excluded = !sendSsrc.isEmpty() && ssrc == null;
            s.append("a=").append(excluded ? "inactive" : weSend && browserSends ? "sendrecv" : weSend ? "sendonly"
                    : browserSends ? "recvonly" : "inactive").append("\r\n");
            if (m.absSendTime() > 0) {
                s.append("a=extmap:").append(m.absSendTime()).append(' ').append(ABS_SEND_TIME).append("\r\n");
            }
            s.append("a=rtpmap:").append(m.payloadType()).append(' ').append(m.codec()).append("\r\n");
            if (m.kind().equals("video")) {
                for (String fb : List.of("nack", "nack pli", "ccm fir", "goog-remb")) {
                    s.append("a=rtcp-fb:").append(m.payloadType()).append(' ').append(fb).append("\r\n");
                }
            } else if (m.fmtp() != null) {
                s.append("a=fmtp:").append(m.payloadType()).append(' ').append(m.fmtp()).append("\r\n");
            }
            if (weSend) {
                String track = streamId + "-" + m.kind();
                s.append("a=msid:").append(streamId).append(' ').append(track).append("\r\n");
                s.append("a=ssrc:").append(ssrc).append(" cname:").append(streamId).append("\r\n");
                s.append("a=ssrc:").append(ssrc).append(" msid:").append(streamId).append(' ').append(track).append("\r\n");
            }
        }
        return s.toString();
    }
}

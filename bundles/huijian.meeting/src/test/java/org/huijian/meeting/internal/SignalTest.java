package org.huijian.meeting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.huijian.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What the signalling accepts from a terminal, and every way a message is refused. */
class SignalTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A browser's offer with audio and video, as Chromium writes it (shortened). */
    static final String CALL_OFFER = "v=0\\r\\no=- 46117 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\nc=IN IP4 0.0.0.0\\r\\na=mid:0\\r\\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\\r\\nc=IN IP4 0.0.0.0\\r\\na=mid:1\\r\\n";
    static final String VIDEO_ONLY = "v=0\\r\\no=- 46117 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\\r\\nc=IN IP4 0.0.0.0\\r\\na=mid:0\\r\\n";

    static Signal parse(String json) {
        return Signal.parse(JSON, json);
    }

    static void refused(String field, String json) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json), json);
        assertEquals(field, e.violations().get(0).field(), e.getMessage());
    }

    @Test
    void theFlowMessagesNameTheirMeeting() {
        Signal ready = parse("{\"type\":\"ready\",\"meetingId\":12}");
        assertEquals("ready", ready.type());
        assertEquals(12, ready.meetingId());
        assertEquals("connect", parse("{\"type\":\"connect\",\"meetingId\":12}").type());
        assertEquals("hangup", parse("{\"type\":\"hangup\",\"meetingId\":3}").type());
        assertEquals("ping", parse("{\"type\":\"ping\"}").type());
        assertEquals(5, parse("{\"type\":\"watch\",\"meetingId\":5}").meetingId());
        assertEquals("unwatch", parse("{\"type\":\"unwatch\",\"meetingId\":5}").type());
        assertEquals("hjt_abc", parse("{\"type\":\"hello\",\"secret\":\"hjt_abc\"}").secret());
    }

    @Test
    void theDocumentDisplayNamesACaptureOfTheMeetingAndItsView() {
        Signal d = parse("{\"type\":\"display\",\"meetingId\":12,\"seq\":3,\"zoom\":2.5,\"x\":0.25,\"y\":0.75}");
        assertEquals(12, d.meetingId());
        assertEquals(new Signal.Display(3, 2.5, 0.25, 0.75), d.display());
        assertEquals(new Signal.Display(0, 1, 0.5, 0.5), parse("{\"type\":\"display\",\"meetingId\":12,\"seq\":0}")
                .display(), "closed, the view's defaults");
        refused("seq", "{\"type\":\"display\",\"meetingId\":12}");
        refused("seq", "{\"type\":\"display\",\"meetingId\":12,\"seq\":-1}");
        refused("seq", "{\"type\":\"display\",\"meetingId\":12,\"seq\":\"3\"}");
        refused("zoom", "{\"type\":\"display\",\"meetingId\":12,\"seq\":1,\"zoom\":100}");
        refused("x", "{\"type\":\"display\",\"meetingId\":12,\"seq\":1,\"x\":1.5}");
        refused("url", "{\"type\":\"display\",\"meetingId\":12,\"seq\":1,\"url\":\"/api/meetings/9/documents/1\"}");
        refused("meetingId", "{\"type\":\"display\",\"seq\":1}");
    }

    @Test
    void offersAnswersAndCandidatesAreRelayed() {
        Signal offer = parse("{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"call\",\"kind\":\"offer\",\"sdp\":\""
                + CALL_OFFER + "\"}");
        assertEquals("offer", offer.kind());
        assertTrue(offer.sdp().contains("m=audio"));
        Signal ice = parse("{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"call\",\"kind\":\"ice\",\"candidate\":"
                + "{\"candidate\":\"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\","
                + "\"sdpMLineIndex\":0,\"usernameFragment\":\"abcd\"}}");
        assertEquals(0, ice.candidate().sdpMLineIndex());
        assertNull(ice.sdp());
        Signal end = parse("{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"call\",\"kind\":\"ice\",\"candidate\":"
                + "{\"candidate\":\"\",\"sdpMid\":null,\"sdpMLineIndex\":null}}");
        assertEquals("", end.candidate().candidate(), "the end-of-candidates marker");
    }

    @Test
    void aMonitorCarriesVideoOnly() {
        Signal monitor = parse("{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"monitor\",\"kind\":\"offer\","
                + "\"peer\":\"w17\",\"sdp\":\"" + VIDEO_ONLY + "\"}");
        assertEquals("monitor", monitor.channel());
        assertEquals("w17", monitor.peer());
        assertEquals("lawyer", parse("{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"monitor\","
                + "\"kind\":\"answer\",\"peer\":\"lawyer\",\"sdp\":\"" + VIDEO_ONLY + "\"}").peer());
        InvalidInputException audio = assertThrows(InvalidInputException.class, () -> parse("{\"type\":\"signal\","
                + "\"meetingId\":12,\"channel\":\"monitor\",\"kind\":\"answer\",\"peer\":\"detainee\",\"sdp\":\""
                + CALL_OFFER + "\"}"));
        assertEquals("sdp", audio.violations().get(0).field());
        assertTrue(audio.getMessage().contains("video only") && audio.getMessage().contains("'audio'"),
                audio.getMessage());
        refused("peer", "{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"monitor\",\"kind\":\"offer\",\"sdp\":\""
                + VIDEO_ONLY + "\"}");
        refused("peer", "{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"monitor\",\"kind\":\"offer\","
                + "\"peer\":\"supervisor\",\"sdp\":\"" + VIDEO_ONLY + "\"}");
        refused("peer", "{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"call\",\"kind\":\"offer\","
                + "\"peer\":\"lawyer\",\"sdp\":\"" + CALL_OFFER + "\"}");
        refused("sdp", "{\"type\":\"signal\",\"meetingId\":12,\"channel\":\"monitor\",\"kind\":\"offer\",\"peer\":\"w1\",\"sdp\":\""
                + VIDEO_ONLY + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\\r\\n\"}");
    }

    @Test
    void malformedMessagesAreRefusedWithTheFieldAtFault() {
        refused("(message)", "not json");
        refused("(message)", "[1,2]");
        refused("(message)", "\"ready\"");
        refused("(message)", "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
        refused("type", "{}");
        refused("type", "{\"type\":\"dance\"}");
        refused("type", "{\"type\":7}");
        refused("meetingId", "{\"type\":\"ready\"}");
        refused("meetingId", "{\"type\":\"ready\",\"meetingId\":\"12\"}");
        refused("meetingId", "{\"type\":\"ready\",\"meetingId\":-1}");
        refused("meetingId", "{\"type\":\"ready\",\"meetingId\":1.5}");
        refused("extra", "{\"type\":\"ready\",\"meetingId\":1,\"extra\":true}");
        refused("terminalId", "{\"type\":\"ping\",\"terminalId\":1}");
        refused("secret", "{\"type\":\"hello\"}");
        refused("secret", "{\"type\":\"hello\",\"secret\":\"" + "x".repeat(101) + "\"}");
        refused("channel", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"broadcast\",\"kind\":\"offer\",\"sdp\":\"v=0\"}");
        refused("kind", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"rollback\"}");
        refused("sdp", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"offer\"}");
        refused("sdp", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"offer\",\"sdp\":\"hello\"}");
        refused("sdp", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"offer\",\"sdp\":\"v=0"
                + "a".repeat(60_000) + "\"}");
        refused("candidate", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"ice\"}");
        refused("candidate.sdpMLineIndex", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"ice\","
                + "\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":99}}");
        refused("candidate.port", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"ice\","
                + "\"candidate\":{\"candidate\":\"c\",\"port\":1}}");
        refused("sdp", "{\"type\":\"signal\",\"meetingId\":1,\"channel\":\"call\",\"kind\":\"ice\",\"sdp\":\"v=0\","
                + "\"candidate\":{\"candidate\":\"c\"}}");
    }
}

package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole meeting on the assembled distribution, as the terminals and the supervisor see it over HTTPS and the
 * signalling WebSocket: booked for now, checked in, opened on time, Ready → the lawyer side is told → Connect →
 * an offer relayed → a reminder on both sides → terminated on both sides → the booking completed. The site is
 * put in a time zone where it is mid-morning now, so the test runs whatever the time of day.
 */
class MeetingFlowIT extends SiteTestBase {

    /** The next message the socket hears that contains {@code text}. */
    static String await(MeetingIT.Socket s, String text) throws Exception {
        for (int i = 0; i < 20; i++) {
            String m = s.next();
            if (m.contains(text)) {
                return m;
            }
        }
        throw new AssertionError("never heard " + text);
    }

    @Test
    void aBookedMeetingRunsFromReadyToTerminateOverTheSignallingSocket() throws Exception {
        ZoneOffset zone = LiveMeetings.prepare(site, 5);
        LocalDateTime start = LiveMeetings.soon(zone, 3);
        Api admin = signedIn("admin");
        LiveMeetings.Booked b = LiveMeetings.book(admin, LiveMeetings.openCentre(admin, start, 30), start, "FLOW-1");
        long meeting = b.meeting();
        long booking = b.booking();
        Api supervisor = signedIn("supervisor");
        String lawyerSecret = MeetingIT.issue(admin, b.lawyerTerminal());
        String detaineeSecret = MeetingIT.issue(admin, b.detaineeTerminal());

        MeetingIT.Socket lawyerSide = MeetingIT.Socket.open();
        lawyerSide.say("{\"type\":\"hello\",\"secret\":\"" + lawyerSecret + "\"}");
        assertTrue(await(lawyerSide, "welcome").contains("\"id\":" + meeting + ","), "the lawyer terminal shows the meeting");
        MeetingIT.Socket detaineeSide = MeetingIT.Socket.open();
        detaineeSide.say("{\"type\":\"hello\",\"secret\":\"" + detaineeSecret + "\"}");
        await(detaineeSide, "welcome");

        lawyerSide.say("{\"type\":\"connect\",\"meetingId\":" + meeting + "}");
        assertTrue(await(lawyerSide, "\"type\":\"error\"").contains("\"rule\":\"not-ready\""));
        detaineeSide.say("{\"type\":\"ready\",\"meetingId\":" + meeting + "}");
        assertTrue(await(detaineeSide, "DETAINEE_READY").contains("\"type\":\"meeting\""));
        assertTrue(await(lawyerSide, "DETAINEE_READY").contains("\"kind\":\"ready\""), "the other side is ready");

        lawyerSide.say("{\"type\":\"connect\",\"meetingId\":" + meeting + "}");
        await(lawyerSide, "\"state\":\"CONNECTED\"");
        await(detaineeSide, "\"state\":\"CONNECTED\"");
        lawyerSide.say("{\"type\":\"signal\",\"meetingId\":" + meeting + ",\"channel\":\"call\",\"kind\":\"offer\","
                + "\"sdp\":\"v=0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\nm=video 9 UDP/TLS/RTP/SAVPF 96\\r\\n\"}");
        String offer = await(detaineeSide, "\"type\":\"signal\"");
        assertTrue(offer.contains("\"from\":\"LAWYER\"") && offer.contains("m=video"), offer);

        assertEquals(200, supervisor.post("/api/meetings/" + meeting + "/remind", "{\"text\":\"请注意会见时间\"}").status());
        assertTrue(await(lawyerSide, "请注意会见时间").contains("\"kind\":\"reminder\""));
        assertTrue(await(detaineeSide, "请注意会见时间").contains("\"kind\":\"reminder\""));
        assertEquals(200, supervisor.post("/api/meetings/" + meeting + "/terminate", "{\"reason\":\"测试结束\"}").status());
        assertTrue(await(lawyerSide, "TERMINATED").contains("测试结束"));
        assertTrue(await(detaineeSide, "TERMINATED").contains("测试结束"));

        String events = supervisor.get("/api/meetings/" + meeting + "/events").body();
        for (String kind : List.of("opened", "ready", "connected", "reminder", "terminated")) {
            assertTrue(events.contains("\"kind\":\"" + kind + "\""), kind + " in " + events);
        }
        String status = "";
        for (int i = 0; i < 20 && !status.contains("COMPLETED"); i++) {
            status = admin.get("/api/bookings/" + booking).body();
            Thread.sleep(250);
        }
        assertTrue(status.contains("\"status\":\"COMPLETED\""), status);
    }
}

package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A whole meeting on the assembled distribution, as the terminals and the supervisor see it over HTTPS and the
 * signalling WebSocket: booked for now, checked in, opened on time, Ready → the lawyer side is told → Connect →
 * an offer relayed → a reminder on both sides → terminated on both sides → the booking completed. The site is
 * put in a time zone where it is mid-morning now, so the test runs whatever the time of day.
 */
class MeetingFlowIT extends SiteTestBase {

    static long id(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

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
        // A site where it is about 10:00 now, open from a few minutes ahead, 15-minute slots, bookable today.
        int offset = Math.floorMod(10 - LocalDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        ZoneOffset zone = ZoneOffset.ofHours(offset);
        site.set("org.huijian.booking", "zone", zone.getId()).set("org.huijian.booking", "windowStartDays", "0")
                .set("org.huijian.booking", "slotMinutes", "15").set("org.huijian.booking", "autoApprove", "true")
                .set("org.huijian.meeting", "zone", zone.getId());
        Thread.sleep(6_000); // Karaf's file watcher and the components' restart
        LocalDateTime now = LocalDateTime.now(zone);
        LocalDateTime start = now.plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);

        Api admin = signedIn("admin");
        long centre = id(admin.get("/api/centres").body().replaceAll("(?s).*(\\{[^{}]*\"code\":\"GZ-TH\"[^{}]*\\}).*", "$1"),
                "id");
        long dc = id(admin.get("/api/centres/" + centre + "/detention-centres").body(), "id");
        Api.Reply hours = admin.put("/api/centres/" + centre + "/hours", "[{\"day\":\"" + start.getDayOfWeek()
                + "\",\"start\":\"" + start.toLocalTime() + "\",\"end\":\"" + start.toLocalTime().plusMinutes(30) + "\"}]");
        assertEquals(200, hours.status(), hours.body());
        // A public holiday of the demo calendar on this date would close the centre: not today.
        for (String day : List.of("/api/special-days?from=", "/api/special-days?centreId=" + centre + "&from=")) {
            Matcher special = Pattern.compile("\"id\":(\\d+)").matcher(admin.get(day + start.toLocalDate() + "&to="
                    + start.toLocalDate()).body());
            while (special.find()) {
                admin.delete("/api/special-days/" + special.group(1));
            }
        }
        long detainee = id(admin.post("/api/detainees", "{\"detentionCentreId\":" + dc + ",\"code\":\"FLOW-1\","
                + "\"name\":\"会见测试\",\"gender\":\"MALE\"}").body(), "id");
        long kase = id(admin.post("/api/cases", "{\"caseNo\":\"FLOW-1\",\"detaineeId\":" + detainee
                + ",\"charge\":\"盗窃罪\",\"stage\":\"TRIAL\"}").body(), "id");

        Api lawyer = signedIn("lawyer");
        List<Long> letters = List.of(BookingIT.id(BookingIT.upload(lawyer, "AUTHORISATION_LETTER", "a.pdf", BookingIT.PDF,
                "application/pdf")), BookingIT.id(BookingIT.upload(lawyer, "FIRM_LETTER", "b.pdf", BookingIT.PDF,
                "application/pdf")));
        Api.Reply booked = lawyer.post("/api/bookings", "{\"detaineeId\":" + detainee + ",\"caseId\":" + kase
                + ",\"centreId\":" + centre + ",\"date\":\"" + start.toLocalDate() + "\",\"start\":\""
                + start.toLocalTime() + "\",\"slots\":1,\"documentIds\":" + letters + "}");
        assertEquals(201, booked.status(), booked.body());
        assertTrue(booked.body().contains("\"status\":\"APPROVED\""), booked.body());
        long booking = id(booked.body(), "id");
        long position = id(booked.body(), "positionId");
        long detaineeTerminal = id(booked.body(), "detaineeTerminalId");
        assertEquals(200, admin.post("/api/bookings/" + booking + "/check-in", "{}").status());

        // The meeting opens on its own (the keeper looks every 15 s).
        Api supervisor = signedIn("supervisor");
        long meeting = 0;
        for (int i = 0; i < 40 && meeting == 0; i++) {
            String live = supervisor.get("/api/meetings").body();
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"bookingId\":" + booking + ",").matcher(live);
            if (m.find()) {
                meeting = Long.parseLong(m.group(1));
            } else {
                Thread.sleep(1000);
            }
        }
        assertTrue(meeting > 0, "the meeting opened");

        String terminals = admin.get("/api/terminals").body();
        Matcher lt = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"kind\":\"LAWYER\",[^}]*\"positionId\":" + position + "[,}]")
                .matcher(terminals);
        assertTrue(lt.find(), terminals);
        long lawyerTerminal = Long.parseLong(lt.group(1));
        String lawyerSecret = MeetingIT.issue(admin, lawyerTerminal);
        String detaineeSecret = MeetingIT.issue(admin, detaineeTerminal);

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

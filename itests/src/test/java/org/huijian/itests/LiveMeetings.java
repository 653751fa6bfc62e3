package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meetings booked for right now on a demo site, for the tests of the live meeting: the site is put in a time zone
 * where it is mid-morning (so a test runs whatever the time of day), bookable today, approved automatically, and
 * the demo centre GZ-TH opens a few minutes from now.
 */
final class LiveMeetings {
    private LiveMeetings() {
    }

    /** A booking whose meeting has opened, with the two terminals it was booked on. */
    record Booked(long meeting, long booking, long lawyerTerminal, long detaineeTerminal, LocalDateTime start) {
    }

    /**
     * The site prepared for bookings from now on, 15-minute slots, meetings opening {@code earlyMinutes} before their
     * booked start; the site's time zone.
     */
    static ZoneOffset prepare(Distribution site, int earlyMinutes) throws Exception {
        int offset = Math.floorMod(10 - LocalDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        ZoneOffset zone = ZoneOffset.ofHours(offset);
        site.set("org.huijian.booking", Map.of("zone", zone.getId(), "windowStartDays", "0", "slotMinutes", "15",
                "autoApprove", "true"))
                .set("org.huijian.meeting", Map.of("earlyMinutes", String.valueOf(earlyMinutes), "zone", zone.getId()));
        // Karaf's file watcher picks the files up within a second or two, and the components restart, each change
        // taking the REST application down and up again. Wait until the policy the booking service serves is the
        // new one, and then until the API has answered for three seconds in a row: on a slow machine the
        // restarts still under way would otherwise take a resource away in the middle of a test.
        String policy = "\"zone\":\"" + zone.getId() + "\",\"slotMinutes\":15,";
        Thread.sleep(2_000);
        int steady = 0;
        for (int i = 0; i < 120 && steady < 6; i++) {
            Thread.sleep(500);
            Api admin = site.api();
            boolean up = admin.signIn("admin", SiteTestBase.PASSWORD).status() == 200
                    && admin.get("/api/meetings").status() == 200 && admin.get("/api/bookings/pending").status() == 200;
            Api.Reply p = up ? admin.get("/api/booking-policy") : null;
            steady = p != null && p.status() == 200 && p.body().contains(policy)
                    && p.body().contains("\"windowStartDays\":0,") && p.body().contains("\"autoApprove\":true")
                    ? steady + 1 : 0;
        }
        if (steady < 6) {
            throw new AssertionError("the site did not come back after its configuration changed");
        }
        return zone;
    }

    static long id(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** Opens the demo centre GZ-TH on {@code start}'s day from {@code start} for {@code minutes}, holidays removed. */
    static long openCentre(Api admin, LocalDateTime start, int minutes) throws Exception {
        long centre = id(admin.get("/api/centres").body().replaceAll("(?s).*(\\{[^{}]*\"code\":\"GZ-TH\"[^{}]*\\}).*", "$1"),
                "id");
        Api.Reply hours = admin.put("/api/centres/" + centre + "/hours", "[{\"day\":\"" + start.getDayOfWeek()
                + "\",\"start\":\"" + start.toLocalTime() + "\",\"end\":\"" + start.toLocalTime().plusMinutes(minutes)
                + "\"}]");
        assertEquals(200, hours.status(), hours.body());
        // A public holiday of the demo calendar on this date would close the centre: not today.
        for (String day : List.of("/api/special-days?from=", "/api/special-days?centreId=" + centre + "&from=")) {
            Matcher special = Pattern.compile("\"id\":(\\d+)").matcher(admin.get(day + start.toLocalDate() + "&to="
                    + start.toLocalDate()).body());
            while (special.find()) {
                admin.delete("/api/special-days/" + special.group(1));
            }
        }
        return centre;
    }

    /** The next whole minute at least {@code minutes} from now, in the site's zone. */
    static LocalDateTime soon(ZoneOffset zone, int minutes) {
        return LocalDateTime.now(zone).plusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * A detainee and case {@code code}, booked by the demo lawyer at {@code start} at the centre, checked in; waits
     * until its meeting opens.
     */
    static Booked book(Api admin, long centre, LocalDateTime start, String code) throws Exception {
        Booked b = bookOnly(admin, centre, start, code);
        return new Booked(awaitMeeting(b.booking(), 60), b.booking(), b.lawyerTerminal(), b.detaineeTerminal(), start);
    }

    /** As {@link #book}, without waiting for the meeting to open ({@code meeting} 0). */
    static Booked bookOnly(Api admin, long centre, LocalDateTime start, String code) throws Exception {
        long dc = id(admin.get("/api/centres/" + centre + "/detention-centres").body(), "id");
        long detainee = id(admin.post("/api/detainees", "{\"detentionCentreId\":" + dc + ",\"code\":\"" + code + "\","
                + "\"name\":\"会见测试" + code + "\",\"gender\":\"MALE\"}").body(), "id");
        long kase = id(admin.post("/api/cases", "{\"caseNo\":\"" + code + "\",\"detaineeId\":" + detainee
                + ",\"charge\":\"盗窃罪\",\"stage\":\"TRIAL\"}").body(), "id");
        Api lawyer = SiteTestBase.signedIn("lawyer");
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
        Api.Reply checkedIn = admin.post("/api/bookings/" + booking + "/check-in", "{}");
        assertEquals(200, checkedIn.status(), checkedIn.body());

        String terminals = admin.get("/api/terminals").body();
        Matcher lt = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"kind\":\"LAWYER\",[^}]*\"positionId\":" + position + "[,}]")
                .matcher(terminals);
        assertTrue(lt.find(), terminals);
        return new Booked(0, booking, Long.parseLong(lt.group(1)), detaineeTerminal, start);
    }

    /** The meeting of a booking, once it has opened (the keeper looks every 15 s). */
    static long awaitMeeting(long booking, int seconds) throws Exception {
        Api supervisor = SiteTestBase.signedIn("supervisor");
        for (int i = 0; i < seconds; i++) {
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"bookingId\":" + booking + ",").matcher(
                    supervisor.get("/api/meetings").body());
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the meeting of booking " + booking + " did not open within " + seconds + " s");
    }

    /** A lawyer terminal other than the booked one (another position of the demo site). */
    static long otherLawyerTerminal(Api admin, long booked) throws Exception {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"kind\":\"LAWYER\"").matcher(admin.get("/api/terminals").body());
        while (m.find()) {
            if (Long.parseLong(m.group(1)) != booked) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("the demo site has one lawyer terminal only");
    }

    /** Installs features as a site does: a features file in {@code deploy/} whose feature {@code name} installs them. */
    static void installFeatures(Distribution site, String name, String... features) throws java.io.IOException {
        StringBuilder xml = new StringBuilder("<features name=\"" + name
                + "\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\"><feature name=\"" + name
                + "\" version=\"1.0.0\" install=\"auto\">");
        for (String f : features) {
            xml.append("<feature>").append(f).append("</feature>");
        }
        java.nio.file.Files.writeString(site.home().resolve("deploy/" + name + ".xml"), xml.append("</feature></features>"));
    }
}

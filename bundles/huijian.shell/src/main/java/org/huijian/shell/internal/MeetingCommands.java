package org.huijian.shell.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.meeting.Meeting;
import org.huijian.meeting.MeetingEvent;
import org.huijian.meeting.MeetingService;

/** Live meetings on the console: list, show, remind, terminate, set the time limit. */
final class MeetingCommands {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private MeetingCommands() {
    }

    static String when(java.time.Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static void print(java.io.PrintStream out, Meeting m) {
        out.printf("Meeting %d (booking %d): %s%n", m.id(), m.bookingId(), m.state());
        if (m.parties() != null) {
            var p = m.parties();
            out.printf("  %s: lawyer %s (%s), detainee %s (%s), case %s; %s %s ⇄ %s%n", p.bookingReference(),
                    p.lawyerName(), p.lawFirmName(), p.detaineeName(), p.detaineeCode(), p.caseNo(), p.centreName(),
                    p.positionName(), p.detentionCentreName());
        }
        out.printf("  booked %s – %s; lawyer terminal #%d%s, detainee terminal #%d%s%n", when(m.bookedStart()),
                when(m.bookedEnd()), m.lawyerTerminalId(), m.lawyerOnline() ? "" : " (offline)", m.detaineeTerminalId(),
                m.detaineeOnline() ? "" : " (offline)");
        out.printf("  ready %s, connected %s, ends %s%s%n", when(m.readyAt()), when(m.connectedAt()),
                when(m.endedAt() != null ? m.endedAt() : m.limitAt()), m.endReason() == null ? "" : " (" + m.endReason() + ")");
    }

    /** Shared: the optional service. */
    abstract static class Base extends HuijianCommand {
        @Reference(optional = true)
        MeetingService meetings;

        MeetingService meetings() throws Exception {
            return need(meetings, "meetings");
        }
    }

    @Service
    @Command(scope = "huijian", name = "meeting-list", description = "Lists the live meetings")
    public static class ListLive extends Base {
        @Override
        protected void run() throws Exception {
            List<Meeting> live = meetings().live(actor());
            if (live.isEmpty()) {
                out().println("No live meetings");
            }
            for (Meeting m : live) {
                out().printf("%6d  booking %-6d %-15s lawyer #%d%s  detainee #%d%s  ends %s%n", m.id(), m.bookingId(),
                        m.state(), m.lawyerTerminalId(), m.lawyerOnline() ? "" : "(off)", m.detaineeTerminalId(),
                        m.detaineeOnline() ? "" : "(off)", when(m.limitAt() != null ? m.limitAt() : m.bookedEnd()));
            }
        }
    }

    @Service
    @Command(scope = "huijian", name = "meeting-show", description = "Shows a meeting and its record")
    public static class Show extends Base {
        @Argument(index = 0, name = "id", description = "The meeting's id", required = true)
        long id;

        @Override
        protected void run() throws Exception {
            print(out(), meetings().meeting(actor(), id));
            for (MeetingEvent e : meetings().events(actor(), id)) {
                out().printf("  %s  %-16s %-24s %s%n", when(e.at()), e.kind(), e.by(), e.detail() == null ? "" : e.detail());
            }
        }
    }

    @Service
    @Command(scope = "huijian", name = "meeting-remind", description = "Shows a reminder (插话提醒) on both terminals of a meeting")
    public static class Remind extends Base {
        @Argument(index = 0, name = "id", description = "The meeting's id", required = true)
        long id;

        @Argument(index = 1, name = "text", description = "What both sides read", required = true, multiValued = true)
        List<String> words;

        @Override
        protected void run() throws Exception {
            meetings().remind(actor(), id, String.join(" ", words));
            out().println("Reminder sent to meeting " + id);
        }
    }

    @Service
    @Command(scope = "huijian", name = "meeting-terminate", description = "Ends a meeting at once (强行终止), with the reason both sides see")
    public static class Terminate extends Base {
        @Argument(index = 0, name = "id", description = "The meeting's id", required = true)
        long id;

        @Argument(index = 1, name = "reason", description = "Why", required = true, multiValued = true)
        List<String> words;

        @Override
        protected void run() throws Exception {
            Meeting m = meetings().terminate(actor(), id, String.join(" ", words));
            out().println("Meeting " + id + " is now " + m.state());
        }
    }

    @Service
    @Command(scope = "huijian", name = "meeting-limit", description = "Sets a meeting's time limit (通话时间设定), in minutes from the connection")
    public static class Limit extends Base {
        @Argument(index = 0, name = "id", description = "The meeting's id", required = true)
        long id;

        @Argument(index = 1, name = "minutes", description = "The whole call's length in minutes", required = true)
        int minutes;

        @Override
        protected void run() throws Exception {
            Meeting m = meetings().setLimit(actor(), id, minutes);
            out().println("Meeting " + id + " ends at " + when(m.limitAt()));
        }
    }
}

package org.huijian.meeting;

import java.util.List;
import org.huijian.core.Actor;
import org.huijian.devices.TerminalIdentity;

/**
 * Live meetings: what the terminals do (Ready, Connect, hang up) and what a supervisor does (reminder, terminate,
 * time limit), each checked against the meeting's rules, stored with its event and audited before it counts. A
 * refused action throws a conflict naming the rule and changes nothing.
 */
public interface MeetingService {

    /** The live meetings (not ended); supervisors and site administrators. */
    List<Meeting> live(Actor actor);

    /** One meeting, live or ended; supervisors, site administrators and auditors. */
    Meeting meeting(Actor actor, long meetingId);

    /** A meeting's record; supervisors, site administrators and auditors. */
    List<MeetingEvent> events(Actor actor, long meetingId);

    /** The live meetings a terminal takes part in (normally one). */
    List<Meeting> ofTerminal(TerminalIdentity terminal);

    /** The detainee terminal presses Ready (就位). */
    Meeting ready(TerminalIdentity terminal, long meetingId);

    /** The lawyer terminal presses Connect (接通); the lawyer must have checked in at the centre. */
    Meeting connect(TerminalIdentity terminal, long meetingId);

    /** A terminal hangs up (or the detainee side withdraws Ready). */
    Meeting hangUp(TerminalIdentity terminal, long meetingId);

    /** A reminder (插话提醒) shown on both terminals. */
    Meeting remind(Actor actor, long meetingId, String text);

    /** Ends the meeting at once (强行终止), with a reason both sides see. */
    Meeting terminate(Actor actor, long meetingId, String reason);

    /** Sets the call's time limit (通话时间设定), in minutes from the connection. */
    Meeting setLimit(Actor actor, long meetingId, Integer minutes);
}

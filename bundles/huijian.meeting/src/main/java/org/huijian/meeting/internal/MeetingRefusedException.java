package org.huijian.meeting.internal;

import org.huijian.core.RefusedException;

/**
 * A meeting rule refused an action (Ready, Connect, a supervisor's action). {@link #rule()} names the rule for
 * terminals and consoles, the message explains it to a person. Nothing changed.
 */
public class MeetingRefusedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    /** @param rule e.g. {@code not-ready}, {@code outside-window}, {@code wrong-terminal}, {@code ended} */
    public MeetingRefusedException(String rule, String message) {
        super(rule, message);
    }

    @Override
    public String type() {
        return "meeting-refused";
    }
}

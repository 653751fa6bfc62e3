package org.huijian.meeting.internal;

import java.util.Map;
import org.huijian.core.ConflictException;

/**
 * A meeting rule refused an action (Ready, Connect, a supervisor's action). {@link #rule()} names the rule for
 * terminals and consoles, the message explains it to a person. Nothing changed.
 */
public class MeetingRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    public MeetingRefusedException(String rule, String message) {
        super(null, message);
        this.rule = rule;
    }

    /** The rule, e.g. {@code not-ready}, {@code outside-window}, {@code wrong-terminal}, {@code ended}. */
    public String rule() {
        return rule;
    }

    @Override
    public String type() {
        return "meeting-refused";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("rule", rule);
    }
}

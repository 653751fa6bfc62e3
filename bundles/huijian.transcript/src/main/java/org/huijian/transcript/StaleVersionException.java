package org.huijian.transcript;

import java.util.LinkedHashMap;
import java.util.Map;
import org.huijian.core.ConflictException;

/**
 * A save based on an older version than the stored one (HTTP 409). The problem carries the current transcript
 * ({@code current}) so the client can merge and nothing typed is lost.
 */
public class StaleVersionException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final transient Transcript current;

    public StaleVersionException(long sent, Transcript current) {
        super("version", "the transcript was changed meanwhile: version " + sent + " was sent, the current one is "
                + current.version());
        this.current = current;
    }

    public Transcript current() {
        return current;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", "stale-version");
        out.put("currentVersion", current.version());
        out.put("current", current);
        return out;
    }
}

package org.huijian.web;

import javax.ws.rs.core.Response;
import org.huijian.core.HuijianException;

/**
 * The RFC 9457 answer the API gives for a service's error, for a resource that answers an expected refusal itself
 * instead of throwing it: an exception leaving a resource method is wrapped by reflection and by CXF, each time
 * with a full stack trace, and goes through CXF's fault chain, which in a release rush, where nearly every request
 * is refused, costs the site a few percent of its processor. The answer is the same either way.
 */
public final class Problems {
    private Problems() {
    }

    /** The answer for {@code e}, as thrown from a resource method; {@code instance} is the request's path. */
    public static Response of(HuijianException e, String instance) {
        return org.huijian.web.internal.ProblemMappers.answer(e, instance);
    }
}

package org.huijian.web.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.ws.rs.core.SecurityContext;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.InvalidInputException;
import org.huijian.web.WebPrincipal;

/** Query parameters and the caller, checked the same way as bodies. */
final class Params {
    private Params() {
    }

    static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new InvalidInputException(field, "is required");
            }
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date like 2026-12-01");
        }
    }

    static int limit(String field, Integer value, int fallback, int max) {
        int v = value == null ? fallback : value;
        new Checks().rule(v >= 1 && v <= max, field, "must be between 1 and " + max).done();
        return v;
    }

    static <T> T body(T body) {
        new Checks().required("(body)", body).done();
        return body;
    }

    static Actor actor(SecurityContext security) {
        return WebPrincipal.of(security).actor();
    }
}

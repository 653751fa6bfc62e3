package org.huijian.web.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a URI under {@value #BASE}; {@code errors} names the fields
 * at fault (and for an imported file the line and column of each); extension members (e.g.
 * {@code lockedUntil}, {@code rule}, {@code errorCount}) sit beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<String, Object> extensions) {
    static final String BASE = "https://huijian.org/problems/";
    static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /**
     * One field at fault; for an imported file also the {@code line} (0: the file as a whole) and the
     * {@code column} heading as the file writes it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer line, String column, String field, String message) {
        public FieldError(String field, String message) {
            this(null, null, field, message);
        }
    }

    static Problem of(String type, int status, String detail, String instance) {
        return new Problem(BASE + type, title(type), status, detail, instance, null, java.util.Map.of());
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions);
    }

    /** Adds members beside the standard ones (RFC 9457 section 3.2), e.g. {@code lockedUntil}, {@code rule}. */
    Problem with(java.util.Map<String, Object> more) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(extensions);
        all.putAll(more);
        return new Problem(type, title, status, detail, instance, errors, all);
    }

    @com.fasterxml.jackson.annotation.JsonAnyGetter
    java.util.Map<String, Object> members() {
        return extensions;
    }

    Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    static String title(String type) {
        return switch (type) {
        case "invalid-input" -> "Invalid input";
        case "unauthenticated" -> "Not signed in";
        case "invalid-credentials" -> "Wrong user name or password";
        case "account-locked" -> "Account locked";
        case "account-disabled" -> "Account disabled";
        case "forbidden" -> "Not allowed";
        case "csrf" -> "Missing or wrong CSRF token";
        case "not-found" -> "Not found";
        case "method-not-allowed" -> "Method not allowed";
        case "conflict" -> "Conflict";
        case "booking-refused" -> "Booking refused";
        case "busy" -> "Busy, try again shortly";
        case "starting" -> "Starting, try again shortly";
        case "payload-too-large" -> "Request too large";
        case "unsupported-media-type" -> "Unsupported media type";
        case "not-acceptable" -> "Not acceptable";
        default -> "Internal error";
        };
    }
}

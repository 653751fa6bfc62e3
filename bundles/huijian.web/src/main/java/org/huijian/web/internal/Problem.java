package org.huijian.web.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a URI under {@value #BASE}; {@code errors} names the fields
 * at fault; {@code lockedUntil} is set for a locked account.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String lockedUntil) {
    static final String BASE = "https://huijian.org/problems/";
    static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public record FieldError(String field, String message) {
    }

    static Problem of(String type, int status, String detail, String instance) {
        return new Problem(BASE + type, title(type), status, detail, instance, null, null);
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, lockedUntil);
    }

    Problem withLockedUntil(String until) {
        return new Problem(type, title, status, detail, instance, errors, until);
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
        case "payload-too-large" -> "Request too large";
        case "unsupported-media-type" -> "Unsupported media type";
        case "not-acceptable" -> "Not acceptable";
        default -> "Internal error";
        };
    }
}

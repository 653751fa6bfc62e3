package org.huijian.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.ConflictException;
import org.huijian.core.HuijianException;
import org.huijian.core.InvalidInputException;
import org.huijian.directory.ImportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every error into an RFC 9457 problem detail; nothing leaks a stack trace. */
public final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static List<Object> all() {
        return List.of(new Domain(), new Web(), new JsonErrors(), new Unexpected());
    }

    /** What {@link org.huijian.web.Problems#of} answers: the same as a thrown {@code e}. */
    public static Response answer(HuijianException e, String instance) {
        return Domain.of(e, instance).response();
    }

    static String path(HttpServletRequest request) {
        return request == null ? null : request.getRequestURI();
    }

    /** The services' own errors. */
    static final class Domain implements ExceptionMapper<HuijianException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(HuijianException e) {
            return of(e, path(request)).response();
        }

        static Problem of(HuijianException e, String instance) {
            if (e instanceof ImportRejectedException rejected) {
                return Problem.of("invalid-input", 400, e.getMessage(), instance).with(e.extensions())
                        .withErrors(rejected.errors().stream().map(x -> new Problem.FieldError(x.line(), x.column(),
                                x.field(), x.message())).toList());
            }
            if (e instanceof InvalidInputException invalid) {
                return Problem.of("invalid-input", 400, e.getMessage(), instance).withErrors(invalid.violations()
                        .stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
            }
            if (e instanceof org.huijian.core.NotFoundException) {
                return Problem.of("not-found", 404, e.getMessage(), instance);
            }
            if (e instanceof ConflictException conflict) {
                Problem p = Problem.of(e.type(), 409, e.getMessage(), instance).with(e.extensions());
                return conflict.field() == null ? p
                        : p.withErrors(List.of(new Problem.FieldError(conflict.field(), e.getMessage())));
            }
            if (e instanceof AccessDeniedException) {
                return Problem.of("forbidden", 403, e.getMessage(), instance);
            }
            if (e instanceof org.huijian.core.BusyException) {
                return Problem.of("busy", 503, e.getMessage(), instance);
            }
            return Problem.of("internal", 500, e.getMessage(), instance);
        }
    }

    /** JAX-RS's own errors: unknown paths, wrong methods, media types, and bodies it could not read. */
    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            return toResponseWith(e, request);
        }

        Response toResponseWith(WebApplicationException e, HttpServletRequest request) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof JsonProcessingException json) {
                    return JsonErrors.of(json, path(request)).response();
                }
            }
            String instance = path(request);
            int status = e.getResponse().getStatus();
            Problem p = switch (status) {
            case 404 -> Problem.of("not-found", 404, "no such resource: " + instance, instance);
            case 405 -> Problem.of("method-not-allowed", 405, request.getMethod() + " is not allowed here; allowed: "
                    + e.getResponse().getAllowedMethods(), instance);
            case 406 -> Problem.of("not-acceptable", 406, "this resource answers in application/json", instance);
            case 415 -> Problem.of("unsupported-media-type", 415, "send the body as "
                    + (instance != null && instance.endsWith("/import") ? "text/csv" : "application/json"), instance);
            case 400 -> Problem.of("invalid-input", 400, "the request could not be read: " + describe(e), instance);
            default -> status >= 500 ? Unexpected.logged(e, instance)
                    : Problem.of("invalid-input", status, describe(e), instance);
            };
            Response.ResponseBuilder r = Response.fromResponse(p.response());
            if (status == 405) {
                r.allow(e.getResponse().getAllowedMethods());
            }
            return r.build();
        }

        private static String describe(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    /** Bodies that are not JSON, or JSON of the wrong shape: name the field. */
    static final class JsonErrors implements ExceptionMapper<JsonProcessingException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return of(e, path(request)).response();
        }

        static Problem of(JsonProcessingException e, String instance) {
            if (e instanceof UnrecognizedPropertyException u) {
                String field = field(u, u.getPropertyName());
                return invalid(instance, field, "is not a known field");
            }
            if (e instanceof InvalidFormatException f) {
                String expected = typeName(f.getTargetType());
                return invalid(instance, field(f, null), quote(f.getValue()) + " is not valid here; it must be "
                        + article(expected));
            }
            if (e instanceof MismatchedInputException m) {
                String field = field(m, null);
                return invalid(instance, field.isEmpty() ? "(body)" : field,
                        "must be " + article(typeName(m.getTargetType())));
            }
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                return invalid(instance, field(m, null), rootMessage(m));
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return invalid(instance, "(body)", "is not well-formed JSON" + where);
        }

        private static Problem invalid(String instance, String field, String message) {
            return Problem.of("invalid-input", 400, field + ": " + message, instance)
                    .withErrors(List.of(new Problem.FieldError(field, message)));
        }

        private static String rootMessage(Throwable e) {
            while (e.getCause() != null) {
                e = e.getCause();
            }
            String m = e.getMessage();
            return m == null ? "is not valid" : m.lines().findFirst().orElse(m);
        }

        static String field(JsonMappingException e, String last) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (last != null && (sb.length() == 0 || !sb.toString().endsWith(last))) {
                sb.append(sb.length() == 0 ? "" : ".").append(last);
            }
            return sb.toString();
        }

        private static String quote(Object value) {
            return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        }

        private static String typeName(Class<?> type) {
            if (type == null) {
                return "value";
            }
            if (type == String.class) {
                return "text";
            }
            if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
                return "whole number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (type.isEnum()) {
                return "one of " + java.util.Arrays.toString(type.getEnumConstants());
            }
            if (type == java.time.LocalDate.class) {
                return "date (yyyy-MM-dd)";
            }
            if (type == java.time.LocalTime.class) {
                return "time (HH:mm)";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "list";
            }
            return "object";
        }

        private static String article(String noun) {
            return noun.startsWith("one of") || noun.startsWith("true") || noun.startsWith("text") ? noun
                    : ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
        }
    }

    /** Anything else: a 500 with an incident id; the details go to the log only. */
    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException w) {
                return new Web().toResponseWith(w, request);
            }
            if (e instanceof HuijianException h) {
                return Domain.of(h, path(request)).response();
            }
            if (e instanceof JsonProcessingException j) {
                return JsonErrors.of(j, path(request)).response();
            }
            return logged(e, path(request)).response();
        }

        static Problem logged(Throwable e, String instance) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Internal error {} at {}", incident, instance, e);
            return Problem.of("internal", 500, "an internal error occurred; incident " + incident, instance);
        }
    }
}

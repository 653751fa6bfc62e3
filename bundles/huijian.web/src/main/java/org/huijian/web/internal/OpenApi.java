package org.huijian.web.internal;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.huijian.core.Role;
import org.huijian.web.Allow;
import org.huijian.web.Public;

/**
 * Builds the OpenAPI 3.0 document from the served resource classes themselves, so it can never drift from
 * the code: paths and methods from JAX-RS annotations, schemas from the records they take and return,
 * roles from {@link Allow}.
 */
final class OpenApi {
    private final Map<String, Object> schemas = new TreeMap<>();

    static Map<String, Object> document(Collection<Class<?>> resources, String version) {
        return new OpenApi().build(resources, version);
    }

    private Map<String, Object> build(Collection<Class<?>> resources, String version) {
        Map<String, Object> paths = new TreeMap<>();
        for (Class<?> type : resources) {
            String base = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
            List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                String sub = m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "";
                String path = "/" + String.join("/", Arrays.stream((base + "/" + sub).split("/"))
                        .filter(s -> !s.isEmpty()).toList());
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, p -> new TreeMap<>());
                item.put(verb, operation(type, m, verb));
            }
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("properties", Map.of("type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"), "instance",
                Map.of("type", "string"), "lockedUntil", Map.of("type", "string", "format", "date-time"), "rule",
                Map.of("type", "string"), "errorCount", Map.of("type", "integer", "format", "int32"), "errors",
                Map.of("type", "array", "items", Map.of("type", "object", "properties",
                        Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string"),
                                "line", Map.of("type", "integer", "format", "int32"), "column",
                                Map.of("type", "string"))))));
        schemas.put("Problem", problem);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Huijian API", "version", version, "description",
                "Remote lawyer–detainee meetings. Errors are RFC 9457 problem details (application/problem+json). "
                        + "State-changing calls need the session's X-CSRF-Token header."));
        doc.put("servers", List.of(Map.of("url", "/api")));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of("session",
                Map.of("type", "apiKey", "in", "cookie", "name", Sessions.COOKIE))));
        doc.put("security", List.of(Map.of("session", List.of())));
        return doc;
    }

    private Map<String, Object> operation(Class<?> type, Method m, String verb) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", type.getSimpleName().replace("Resource", "").toLowerCase() + "_" + m.getName());
        op.put("tags", List.of(type.getSimpleName().replace("Resource", "")));
        boolean isPublic = m.isAnnotationPresent(Public.class)
                || (type.isAnnotationPresent(Public.class) && !m.isAnnotationPresent(Allow.class));
        if (isPublic) {
            op.put("security", List.of());
        } else {
            Allow allow = m.isAnnotationPresent(Allow.class) ? m.getAnnotation(Allow.class) : type.getAnnotation(Allow.class);
            List<String> roles = allow == null ? List.of() : Arrays.stream(allow.value()).map(Role::id).toList();
            op.put("x-roles", roles);
            op.put("description", "Roles: " + String.join(", ", roles));
        }
        List<Object> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(PathParam.class)) {
                params.add(Map.of("name", p.getAnnotation(PathParam.class).value(), "in", "path", "required", true,
                        "schema", schema(p.getParameterizedType())));
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                params.add(Map.of("name", p.getAnnotation(QueryParam.class).value(), "in", "query", "schema",
                        schema(p.getParameterizedType())));
            } else if (!p.isAnnotationPresent(Context.class)) {
                op.put("requestBody", Map.of("required", true, "content", body(m, p)));
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Class<?> returned = m.getReturnType();
        if (returned == javax.ws.rs.core.Response.class) {
            responses.put(verb.equals("post") ? "201" : verb.equals("delete") ? "204" : "200",
                    Map.of("description", "done"));
        } else {
            responses.put("200", Map.of("description", "OK", "content",
                    Map.of("application/json", Map.of("schema", schema(m.getGenericReturnType())))));
        }
        Map<String, Object> problem = Map.of("application/problem+json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
        if (op.containsKey("requestBody") || !params.isEmpty()) {
            responses.put("400", Map.of("description", "invalid input; errors[] names the fields", "content", problem));
        }
        if (!isPublic) {
            responses.put("401", Map.of("description", "not signed in", "content", problem));
            responses.put("403", Map.of("description", "role not allowed, or CSRF token missing", "content", problem));
        }
        if (m.getAnnotation(Path.class) != null && m.getAnnotation(Path.class).value().contains("{")) {
            responses.put("404", Map.of("description", "no such resource", "content", problem));
        }
        if (!verb.equals("get")) {
            responses.put("409", Map.of("description", "clashes with existing data", "content", problem));
        }
        op.put("responses", responses);
        return op;
    }

    /**
     * A body read as it is (an {@code InputStream} or bytes) is a file of the types the method consumes
     * ({@code application/octet-stream} for any type); anything else is JSON of the parameter's type.
     */
    private Map<String, Object> body(Method m, Parameter p) {
        if (p.getType() == InputStream.class || p.getType() == byte[].class) {
            List<String> types = m.isAnnotationPresent(Consumes.class) ? List.of(m.getAnnotation(Consumes.class).value())
                    : List.of(MediaType.WILDCARD);
            Map<String, Object> content = new TreeMap<>();
            for (String type : types) {
                content.put(type.equals(MediaType.WILDCARD) ? MediaType.APPLICATION_OCTET_STREAM : type,
                        Map.of("schema", Map.of("type", "string", "format", "binary")));
            }
            return content;
        }
        return Map.of("application/json", Map.of("schema", schema(p.getParameterizedType())));
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a instanceof GET) {
                return "get";
            } else if (a instanceof POST) {
                return "post";
            } else if (a instanceof PUT) {
                return "put";
            } else if (a instanceof DELETE) {
                return "delete";
            }
        }
        return null;
    }

    private Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(pt.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(pt.getActualTypeArguments()[1]));
            }
            return schema(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == int.class || c == Integer.class || c == short.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == LocalTime.class) {
            return Map.of("type", "string", "pattern", "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$", "example", "09:30");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());
                Map<String, Object> props = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    props.put(rc.getName(), schema(rc.getGenericType()));
                }
                schemas.put(name, Map.of("type", "object", "properties", props));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }
}

package org.huijian.web;

/**
 * Marker for REST resources contributed by other bundles: register an instance of a class annotated with
 * {@code @javax.ws.rs.Path} as an OSGi service of this type, and the web bundle serves it under
 * {@code /api}, with the same authentication, CSRF protection, role checks, JSON binding and problem
 * details as the core API.
 */
public interface RestResource {
}

package org.huijian.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Huijian web", description = "The web app and the REST API")
public @interface WebConfig {
    String PID = "org.huijian.web";

    @AttributeDefinition(description = "Sign out after this many minutes without a request")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "Sign out after this many hours in any case")
    int sessionMaxHours() default 12;

    @AttributeDefinition(description = "Most sessions kept at once; the oldest is signed out beyond it")
    int maxSessions() default 10_000;

    @AttributeDefinition(description = "Largest request body accepted by the REST API, in bytes")
    int maxRequestBytes() default 1_048_576;

    @AttributeDefinition(description = "Send plain-HTTP requests to HTTPS, except /api/health")
    boolean redirectToHttps() default true;

    @AttributeDefinition(description = "Generate a self-signed certificate when none is configured")
    boolean generateCertificate() default true;

    @AttributeDefinition(description = "HTTPS port used when HTTPS is turned on here")
    int httpsPort() default 8443;

    @AttributeDefinition(description = "Extra host names for the generated certificate, comma-separated")
    String certificateHostNames() default "";
}

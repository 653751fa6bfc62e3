package org.huijian.web.internal.rest;

import java.util.Map;
import java.util.function.Supplier;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.huijian.web.Public;

/** The OpenAPI 3 document of everything served under {@code /api}. */
@Path("openapi.json")
@Public
public class OpenApiResource {
    private final Supplier<Map<String, Object>> document;

    public OpenApiResource(Supplier<Map<String, Object>> document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        return document.get();
    }
}

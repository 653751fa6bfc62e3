package org.huijian.web.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.huijian.core.Capability;
import org.huijian.core.HealthCheck;
import org.huijian.web.Public;

/** Whether the platform works, and which capabilities this site runs. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Public
public class HealthResource {
    private final Supplier<List<HealthCheck>> checks;
    private final Supplier<List<Capability>> capabilities;
    private final String version;

    public HealthResource(Supplier<List<HealthCheck>> checks, Supplier<List<Capability>> capabilities, String version) {
        this.checks = checks;
        this.capabilities = capabilities;
        this.version = version;
    }

    @GET
    @Path("health")
    public Response health() {
        Map<String, String> results = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : checks.get()) {
            boolean ok;
            try {
                ok = check.up();
            } catch (RuntimeException e) {
                ok = false;
            }
            results.put(check.name(), ok ? "UP" : "DOWN");
            up &= ok;
        }
        return Response.status(up ? 200 : 503).entity(new Views.Health(up ? "UP" : "DOWN", version, results)).build();
    }

    @GET
    @Path("capabilities")
    public List<Views.CapabilityView> capabilities() {
        return capabilities.get().stream().map(c -> new Views.CapabilityView(c.id(), c.version()))
                .sorted(java.util.Comparator.comparing(Views.CapabilityView::id)).toList();
    }
}

package org.huijian.web.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The servlet at /api/* over real HTTP (Jetty, as Pax Web serves it): 503 "starting" with Retry-After and a problem
 * detail while there is no REST application, the application's answers once there is one, across a swap for a new
 * application and across the web context being restarted (servlets destroyed and initialised again).
 */
class ApiServletTest {
    final HttpClient http = HttpClient.newHttpClient();
    final List<Bus> buses = new ArrayList<>();
    final List<org.apache.cxf.endpoint.Server> servers = new ArrayList<>();
    Server jetty;
    String base;

    @Path("ping")
    public static final class Ping {
        final String name;

        Ping(String name) {
            this.name = name;
        }

        @GET
        @Produces("text/plain")
        public String ping() {
            return name;
        }

        @POST
        @Produces("text/plain")
        public String post(String body) {
            return name + ":" + body;
        }
    }

    CXFNonSpringServlet application(String name) {
        Bus bus = BusFactory.newInstance().createBus();
        buses.add(bus);
        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(bus);
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/");
        factory.setServiceBeans(List.of(new Ping(name)));
        servers.add(factory.create());
        return servlet;
    }

    void start(ApiServlet api) throws Exception {
        jetty = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(api), "/api/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://localhost:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    static void assertStarting(HttpResponse<String> r) {
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"type\":\"https://huijian.org/problems/starting\""), r.body());
        assertTrue(r.body().contains("\"status\":503"), r.body());
        try { // JSON a client can read
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        servers.forEach(org.apache.cxf.endpoint.Server::destroy);
        buses.forEach(b -> b.shutdown(true));
    }

    @Test
    void startingThenServingThenSwappedThenStopped() throws Exception {
        ApiServlet api = new ApiServlet();
        start(api);
        assertStarting(get("/api/ping"));
        assertStarting(post("/api/ping", "x"));

        CXFNonSpringServlet first = application("first");
        api.serve(first);
        assertEquals("first", get("/api/ping").body());
        assertEquals("first:hello", post("/api/ping", "hello").body());
        assertEquals(404, get("/api/nowhere").statusCode(), "the application answers for its own paths");

        // A feature comes: the old application goes, a new one is built; 503 in between, never 404.
        api.stop(first);
        assertStarting(get("/api/ping"));
        api.serve(application("second"));
        assertEquals("second", get("/api/ping").body());

        api.stop(first); // not the one serving: nothing changes
        assertEquals("second", get("/api/ping").body());
    }

    @Test
    void anApplicationReadyBeforeTheServletIsInitialisedServesOnceItIs() throws Exception {
        ApiServlet api = new ApiServlet();
        api.serve(application("early"));
        start(api);
        assertEquals("early", get("/api/ping").body());
    }

    @Test
    void theWebContextRestartingKeepsTheApplication() throws Exception {
        ApiServlet api = new ApiServlet();
        start(api);
        api.serve(application("kept"));
        assertEquals("kept", get("/api/ping").body());
        // Pax Web restarts the context when other servlets come: every servlet is destroyed and initialised again.
        jetty.stop();
        jetty.start();
        base = "http://localhost:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        assertEquals("kept", get("/api/ping").body());
    }
}

package org.huijian.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The servlet at {@code /api/*}, registered once for the bundle's whole life. It hands each request to the REST
 * application of the moment: {@link RestApplication} builds a new one whenever a feature's resources come or go,
 * and while there is none — the site starting, a feature being installed or reconfigured — it answers
 * {@code 503} with {@code Retry-After} and a problem detail of type {@code starting}, which the web app retries,
 * instead of the {@code 404} a servlet unregistered and registered again gives (and without restarting the web
 * context each time).
 *
 * <p>The Http Whiteboard initialises this servlet, and destroys and initialises it again when it restarts the web
 * context. The application's servlet is initialised once, with this servlet's configuration, and destroyed only
 * when its application stops: CXF's servlet forgets its endpoints when destroyed, so it is not put through the
 * context's restarts.
 */
@Component(service = { Servlet.class, ApiServlet.class }, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/api/*",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=huijian-api" })
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final byte[] STARTING = ("{\"type\":\"" + Problem.BASE + "starting\",\"title\":\"" + Problem.title("starting")
            + "\",\"status\":503,\"detail\":\"the REST API is starting or being reconfigured; try again in a moment\"}")
            .getBytes(StandardCharsets.UTF_8);

    /** The application's servlet, initialised or waiting for this one's configuration; guarded by this. */
    private transient HttpServlet application;
    private transient boolean initialised;
    private transient ServletConfig config;
    /** The application's servlet once initialised: what requests go to. */
    private transient volatile HttpServlet serving;

    @Override
    public synchronized void init(ServletConfig c) throws ServletException {
        super.init(c);
        config = c;
        if (application != null) {
            if (!initialised) {
                application.init(c);
                initialised = true;
            }
            serving = application;
        }
    }

    @Override
    public synchronized void destroy() {
        serving = null;
        config = null;
        super.destroy();
    }

    /** From now on requests go to {@code next} (initialised here, or when this servlet is). */
    synchronized void serve(HttpServlet next) throws ServletException {
        application = next;
        initialised = false;
        serving = null;
        if (config != null) {
            next.init(config);
            initialised = true;
            serving = next;
        }
    }

    /** Requests stop going to {@code s}, which is destroyed if it was initialised; until the next, 503. */
    synchronized void stop(HttpServlet s) {
        if (application != s) {
            return;
        }
        serving = null;
        application = null;
        if (initialised) {
            s.destroy();
        }
        initialised = false;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpServlet s = serving;
        if (s != null) {
            s.service((javax.servlet.ServletRequest) request, (javax.servlet.ServletResponse) response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setContentLength(STARTING.length);
        response.getOutputStream().write(STARTING);
    }
}

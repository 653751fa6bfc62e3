package org.huijian.web.internal;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.huijian.accounts.AccountService;
import org.huijian.audit.AuditLog;
import org.huijian.core.Capability;
import org.huijian.core.HealthCheck;
import org.huijian.devices.TerminalCredentials;
import org.huijian.directory.DirectoryService;
import org.huijian.site.SiteService;
import org.huijian.web.RestResource;
import org.huijian.web.internal.rest.AccountResource;
import org.huijian.web.internal.rest.AuditResource;
import org.huijian.web.internal.rest.DirectoryResource;
import org.huijian.web.internal.rest.HealthResource;
import org.huijian.web.internal.rest.OpenApiResource;
import org.huijian.web.internal.rest.SessionResource;
import org.huijian.web.internal.rest.SiteResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Serves the REST API at {@code /api/*}: a CXF JAX-RS server on its own bus behind one whiteboard servlet.
 * Resources of other bundles ({@link RestResource} services) join it. When they come or go the server is rebuilt
 * beside the running one (changes within {@link #SETTLE_MILLIS} are taken together) and swapped in behind the
 * servlet, which stays registered: the API never answers 404 while a feature starts, stops or is reconfigured.
 * Requests already running finish on the server they began on; it is shut down {@link #RETIRE_SECONDS} later.
 */
@Component(immediate = true, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
public class RestApplication {
    private static final Logger LOG = LoggerFactory.getLogger(RestApplication.class);
    static final long SETTLE_MILLIS = 150;
    static final long RETIRE_SECONDS = 60;

    /** One CXF server on its own bus, and the servlet in front of it. */
    private record Api(Bus bus, Server server, CXFNonSpringServlet servlet) {
        void close() {
            try {
                servlet.destroy();
                server.destroy();
            } finally {
                bus.shutdown(true);
            }
        }
    }

    /** The servlet registered once; it hands every request to the current server's servlet. */
    private static final class ApiServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private transient volatile Api current;

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            current.servlet().init(config);
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            current.servlet().service(request, response);
        }

        /** Starts {@code next} (if this servlet is started already) and puts it in front; returns the one it replaced. */
        Api swap(Api next) throws ServletException {
            ServletConfig config = getServletConfig();
            if (config != null) {
                next.servlet().init(config);
            }
            Api previous = current;
            current = next;
            return previous;
        }
    }

    /** The devices feature's credentials, when it is installed (kiosks sign in with them). */
    private final java.util.concurrent.atomic.AtomicReference<TerminalCredentials> terminals =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final List<HealthCheck> healthChecks = new CopyOnWriteArrayList<>();
    private final List<Capability> capabilities = new CopyOnWriteArrayList<>();
    private final List<RestResource> extensions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "huijian-api-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final ApiServlet servlet = new ApiServlet();
    private final Sessions sessions;
    private final WebConfig config;
    private final SiteService site;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final AuditLog audit;
    private final String version;
    private ScheduledFuture<?> pending;
    private boolean dirty;
    private boolean active;
    private ServiceRegistration<Servlet> registration;

    @Activate
    public RestApplication(BundleContext context, WebConfig config, @Reference Sessions sessions,
            @Reference SiteService site, @Reference DirectoryService directory, @Reference AccountService accounts,
            @Reference AuditLog audit) {
        this.sessions = sessions;
        this.config = config;
        this.site = site;
        this.directory = directory;
        this.accounts = accounts;
        this.audit = audit;
        this.version = context.getBundle().getVersion().toString();
    }

    @Activate
    void activate(BundleContext context) throws ServletException {
        synchronized (this) {
            servlet.swap(build());
            active = true;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/api/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "huijian-api");
        registration = context.registerService(Servlet.class, servlet, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addExtension(RestResource resource) {
        extensions.add(resource);
        changed();
    }

    void removeExtension(RestResource resource) {
        extensions.remove(resource);
        changed();
    }

    /** Rebuilds once the resources have settled. */
    private synchronized void changed() {
        dirty = true;
        if (active && (pending == null || pending.isDone())) {
            pending = rebuilds.schedule(this::rebuild, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void rebuild() {
        Api previous;
        try {
            synchronized (this) {
                if (!active) {
                    return;
                }
                dirty = false;
                previous = servlet.swap(build());
            }
            LOG.info("REST API rebuilt with {} resources of other bundles", extensions.size());
            rebuilds.schedule(previous::close, RETIRE_SECONDS, TimeUnit.SECONDS);
        } catch (ServletException | RuntimeException e) {
            LOG.error("The REST API could not be rebuilt for a changed resource; it goes on as it was", e);
        }
        synchronized (this) { // a change while this one was being built
            if (active && dirty) {
                pending = rebuilds.schedule(this::rebuild, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private Api build() {
        WebSupport web = new WebSupport(sessions);
        List<Object> resources = new ArrayList<>(List.of(
                new HealthResource(() -> List.copyOf(healthChecks), () -> List.copyOf(capabilities), version),
                new SessionResource(accounts, web), new SiteResource(site), new DirectoryResource(directory),
                new AccountResource(accounts, web), new AuditResource(audit)));
        resources.addAll(extensions);
        List<Class<?>> documented = resources.stream().<Class<?>>map(Object::getClass).toList();
        Map<String, Object> openApi = OpenApi.document(documented, version);
        resources.add(new OpenApiResource(() -> openApi));

        List<Object> providers = new ArrayList<>(ProblemMappers.all());
        providers.add(Json.provider());
        providers.add(new AuthFilter(sessions, accounts, config.maxRequestBytes(),
                secret -> Optional.ofNullable(terminals.get()).flatMap(c -> c.authenticate(secret))));

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // CXF finds its bus extensions through the class loader that created the bus.
            Thread.currentThread().setContextClassLoader(CXFNonSpringServlet.class.getClassLoader());
            Bus bus = BusFactory.newInstance().createBus();
            // Its own HTTP destinations: in OSGi CXF's HTTP transport otherwise shares one registry between buses,
            // and the server being built would clash with the running one, both on "/".
            DestinationRegistryImpl destinations = new DestinationRegistryImpl();
            HTTPTransportFactory http = new HTTPTransportFactory(destinations);
            DestinationFactoryManager manager = bus.getExtension(DestinationFactoryManager.class);
            for (String namespace : HTTPTransportFactory.DEFAULT_NAMESPACES) {
                manager.registerDestinationFactory(namespace, http);
            }
            bus.setExtension(http, HTTPTransportFactory.class);
            CXFNonSpringServlet cxf = new CXFNonSpringServlet(destinations, bus);
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/");
            factory.setServiceBeans(resources);
            factory.setProviders(providers);
            return new Api(bus, factory.create(), cxf);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTerminals(TerminalCredentials credentials) {
        terminals.set(credentials);
    }

    void unsetTerminals(TerminalCredentials credentials) {
        terminals.compareAndSet(credentials, null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHealthCheck(HealthCheck check) {
        healthChecks.add(check);
    }

    void removeHealthCheck(HealthCheck check) {
        healthChecks.remove(check);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCapability(Capability capability) {
        capabilities.add(capability);
    }

    void removeCapability(Capability capability) {
        capabilities.remove(capability);
    }

    @Deactivate
    void deactivate() {
        Api last;
        synchronized (this) {
            active = false;
            last = servlet.current;
        }
        registration.unregister();
        for (Runnable retire : rebuilds.shutdownNow()) { // servers still waiting to be retired
            retire.run();
        }
        last.close();
    }
}

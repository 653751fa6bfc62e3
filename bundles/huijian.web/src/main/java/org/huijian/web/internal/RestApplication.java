package org.huijian.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.resource.ResourceManager;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Serves the REST API at {@code /api/*}: a CXF JAX-RS server on its own bus, behind {@link ApiServlet}.
 * Resources of other bundles ({@link RestResource} services) join it; the server is rebuilt when they
 * come or go, and meanwhile {@link ApiServlet} answers 503 (starting).
 */
@Component(immediate = true, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
public class RestApplication {
    /** The devices feature's credentials, when it is installed (kiosks sign in with them). */
    private final java.util.concurrent.atomic.AtomicReference<TerminalCredentials> terminals =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final List<HealthCheck> healthChecks = new CopyOnWriteArrayList<>();
    private final List<Capability> capabilities = new CopyOnWriteArrayList<>();
    private final Bus bus;
    private final Server server;
    private final ApiServlet api;
    private final CXFNonSpringServlet servlet;
    private final Sessions sessions;

    @Activate
    public RestApplication(BundleContext context, WebConfig config, @Reference ApiServlet api, @Reference Sessions sessions,
            @Reference SiteService site,
            @Reference DirectoryService directory, @Reference AccountService accounts, @Reference AuditLog audit,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) List<RestResource> extensions) {
        this.sessions = sessions;
        this.api = api;
        WebSupport web = new WebSupport(sessions);
        String version = context.getBundle().getVersion().toString();

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
            bus = BusFactory.newInstance().createBus();
            ResourceManager resourceManager = bus.getExtension(ResourceManager.class);
            if (resourceManager != null) {
                bus.setExtension(new RequestLoaderOnce(resourceManager), ResourceManager.class);
            }
            servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/");
            factory.setServiceBeans(resources);
            factory.setProviders(providers);
            server = factory.create();
            try {
                api.serve(servlet);
            } catch (javax.servlet.ServletException | RuntimeException e) {
                api.stop(servlet);
                server.destroy();
                bus.shutdown(true);
                throw new IllegalStateException("the REST API's servlet did not start", e);
            }
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
        api.stop(servlet);
        server.destroy();
        bus.shutdown(true);
    }
}

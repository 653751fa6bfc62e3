package org.huijian.web.internal;

import java.io.InputStream;
import java.util.List;
import org.apache.cxf.resource.ResourceManager;
import org.apache.cxf.resource.ResourceResolver;

/**
 * The bus's resource manager, except for the one question CXF's servlet asks on every request: a class loader named
 * {@code ""} to run the request with, when the bus has none. Its resolvers answer it by searching the bundles' class
 * path for a resource {@code ""} and finding no class loader there (4 % of the site's processor in a release rush,
 * bench/README.md); here the answer is looked up once, and again only when the resolvers change.
 */
final class RequestLoaderOnce implements ResourceManager {
    private final ResourceManager resources;
    private volatile ClassLoader requestLoader;

    RequestLoaderOnce(ResourceManager resources) {
        this.resources = resources;
        this.requestLoader = lookUp();
    }

    private ClassLoader lookUp() {
        return resources.resolveResource("", ClassLoader.class);
    }

    @Override
    public <T> T resolveResource(String name, Class<T> type) {
        if (type == ClassLoader.class && "".equals(name)) {
            return type.cast(requestLoader);
        }
        return resources.resolveResource(name, type);
    }

    @Override
    public <T> T resolveResource(String name, Class<T> type, List<ResourceResolver> resolvers) {
        return resources.resolveResource(name, type, resolvers);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return resources.getResourceAsStream(name);
    }

    @Override
    public void addResourceResolver(ResourceResolver resolver) {
        resources.addResourceResolver(resolver);
        requestLoader = lookUp();
    }

    @Override
    public void removeResourceResolver(ResourceResolver resolver) {
        resources.removeResourceResolver(resolver);
        requestLoader = lookUp();
    }

    @Override
    public List<ResourceResolver> getResourceResolvers() {
        return resources.getResourceResolvers();
    }
}

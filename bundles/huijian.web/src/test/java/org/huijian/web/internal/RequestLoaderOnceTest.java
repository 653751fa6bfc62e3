package org.huijian.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.resource.DefaultResourceManager;
import org.apache.cxf.resource.ResourceResolver;
import org.junit.jupiter.api.Test;

class RequestLoaderOnceTest {

    /** Counts the questions it is asked; answers a class loader for "" only when given one. */
    static final class Counting implements ResourceResolver {
        final AtomicInteger asked = new AtomicInteger();
        final ClassLoader loader;

        Counting(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public <T> T resolve(String name, Class<T> type) {
            asked.incrementAndGet();
            return type == ClassLoader.class && "".equals(name) ? type.cast(loader) : null;
        }

        @Override
        public InputStream getAsStream(String name) {
            asked.incrementAndGet();
            return null;
        }
    }

    @Test
    void theRequestLoaderIsLookedUpOnceAndAgainWhenTheResolversChange() {
        Counting none = new Counting(null);
        RequestLoaderOnce resources = new RequestLoaderOnce(new DefaultResourceManager(List.of(none)));
        int afterStart = none.asked.get();
        for (int i = 0; i < 1000; i++) {
            assertNull(resources.resolveResource("", ClassLoader.class));
        }
        assertEquals(afterStart, none.asked.get(), "the resolvers are not asked on each request");

        Counting one = new Counting(getClass().getClassLoader());
        resources.addResourceResolver(one);
        assertSame(getClass().getClassLoader(), resources.resolveResource("", ClassLoader.class));
        resources.removeResourceResolver(one);
        assertNull(resources.resolveResource("", ClassLoader.class));
    }

    @Test
    void everyOtherQuestionGoesToTheResolvers() {
        Counting none = new Counting(null);
        RequestLoaderOnce resources = new RequestLoaderOnce(new DefaultResourceManager(List.of(none)));
        int before = none.asked.get();
        assertNull(resources.resolveResource("other", ClassLoader.class));
        assertNull(resources.resolveResource("", String.class));
        assertNull(resources.getResourceAsStream("x"));
        assertEquals(before + 3, none.asked.get());
        assertNotNull(resources.getResourceResolvers());
    }
}

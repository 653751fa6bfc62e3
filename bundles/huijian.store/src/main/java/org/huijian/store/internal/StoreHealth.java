package org.huijian.store.internal;

import org.huijian.core.Capability;
import org.huijian.core.HealthCheck;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells {@code /api/health} whether the database answers, and announces the core capability. */
@Component(service = { HealthCheck.class, Capability.class })
public class StoreHealth implements HealthCheck, Capability {
    private final Database db;

    @Activate
    public StoreHealth(@Reference Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean up() {
        return db.isUp();
    }

    @Override
    public String id() {
        return "core";
    }

    @Override
    public String version() {
        return FrameworkUtil.getBundle(StoreHealth.class).getVersion().toString();
    }
}

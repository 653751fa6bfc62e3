package org.huijian.shell.internal;

import org.apache.karaf.features.BootFinished;
import org.huijian.core.HealthCheck;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tells {@code /api/health} whether Karaf has finished installing the boot features. Until it has, features
 * still arrive and the REST API is rebuilt for each, answering 503 "starting" in between: a client (a load
 * balancer, a script, the benchmark) that took the first 200 from {@code /api/health} as "ready" met those.
 * Karaf registers {@link BootFinished} once the boot features are installed and started.
 */
@Component(service = HealthCheck.class)
public class BootHealth implements HealthCheck {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile BootFinished finished;

    @Override
    public String name() {
        return "features";
    }

    @Override
    public boolean up() {
        return finished != null;
    }
}

package org.huijian.core;

import org.osgi.annotation.versioning.ConsumerType;

/** A part of the platform that can tell whether it works; {@code /api/health} asks every one. */
@ConsumerType
public interface HealthCheck {
    /** Short name, e.g. {@code database}. */
    String name();

    /** Whether it works now; must answer within about two seconds. */
    boolean up();
}

package org.huijian.core;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by each installed feature so the web app and the console can tell what this site runs.
 * The web app shows only the screens of installed capabilities.
 */
@ConsumerType
public interface Capability {
    /** Stable id, the feature name without {@code huijian-}: {@code core}, {@code booking}, ... */
    String id();

    /** The version of the bundle that provides it. */
    String version();
}

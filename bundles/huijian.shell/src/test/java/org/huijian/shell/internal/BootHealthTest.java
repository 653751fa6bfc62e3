package org.huijian.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.karaf.features.BootFinished;
import org.junit.jupiter.api.Test;

/** The health check follows Karaf's boot: down until the boot features are in, up after. */
class BootHealthTest {
    @Test
    void downUntilKarafHasInstalledTheBootFeatures() {
        BootHealth health = new BootHealth();
        assertEquals("features", health.name());
        assertFalse(health.up());
        health.finished = new BootFinished() {
        };
        assertTrue(health.up());
        health.finished = null; // Karaf stopping
        assertFalse(health.up());
    }
}

package org.huijian.driver.simpad.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One simulated signature pad per factory configuration ({@code etc/org.huijian.driver.simpad-NAME.cfg}). */
@ObjectClassDefinition(name = "Huijian simulated signature pad",
        description = "A signature pad for demos and tests: signs with generated handwriting-like strokes")
public @interface SimPadConfig {
    String FACTORY_PID = "org.huijian.driver.simpad";

    @AttributeDefinition(description = "Id of the pad, unique on the server (e.g. GZ-KSS1-D01-pad)")
    String id();

    @AttributeDefinition(description = "Code of the detainee terminal the pad is attached to (e.g. GZ-KSS1-D01)")
    String terminal();

    @AttributeDefinition(description = "Width of the pad's surface, in its units")
    int width() default 800;

    @AttributeDefinition(description = "Height of the pad's surface, in its units")
    int height() default 300;

    @AttributeDefinition(description = "Number of handwritten characters (glyph-like groups of strokes) it signs")
    int characters() default 3;

    @AttributeDefinition(description = "Milliseconds the simulated person takes to sign (the call waits this long)")
    int signMillis() default 1500;

    @AttributeDefinition(description = "Seed of the stroke generator; 0 for a different signature every time")
    long seed() default 0;

    @AttributeDefinition(description = "Whether the pad is connected (false: as if unplugged, for tests of that case)")
    boolean available() default true;
}

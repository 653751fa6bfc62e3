package org.huijian.driver.simcamera.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One simulated document camera per factory configuration ({@code etc/org.huijian.driver.simcamera-NAME.cfg}). */
@ObjectClassDefinition(name = "Huijian simulated document camera",
        description = "A document camera (高拍仪) for demos and tests: each still is the next image of a folder")
public @interface SimCameraConfig {
    String FACTORY_PID = "org.huijian.driver.simcamera";

    @AttributeDefinition(description = "Id of the camera, unique on the server (e.g. GZ-TH-P01-doc)")
    String id();

    @AttributeDefinition(description = "Code of the terminal (会见分机) the camera stands beside, e.g. GZ-TH-L01")
    String terminal();

    @AttributeDefinition(description = "Folder of PNG/JPEG images served in turn (by name); empty for "
            + "${karaf.data}/huijian/simcamera/<id>")
    String folder() default "";

    @AttributeDefinition(description = "Demo pages drawn into the folder at first start when it has no image "
            + "(0: none)")
    int demoPages() default 3;

    @AttributeDefinition(description = "Milliseconds a still takes, as a real camera's focus and exposure would")
    int delayMillis() default 300;

    @AttributeDefinition(description = "Whether the camera answers (false: as if unplugged, for tests of that case)")
    boolean available() default true;
}

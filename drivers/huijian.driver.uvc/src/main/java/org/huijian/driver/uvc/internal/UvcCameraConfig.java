package org.huijian.driver.uvc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One UVC document camera per factory configuration ({@code etc/org.huijian.driver.uvc-NAME.cfg}). */
@ObjectClassDefinition(name = "Huijian UVC document camera (in the terminal's browser)",
        description = "Which video device of a kiosk is its document camera (高拍仪); the kiosk page captures the "
                + "still itself with getUserMedia and uploads it")
public @interface UvcCameraConfig {
    String FACTORY_PID = "org.huijian.driver.uvc";

    @AttributeDefinition(description = "Id of the camera, unique on the server (e.g. GZ-TH-P01-uvc)")
    String id();

    @AttributeDefinition(description = "Code of the terminal (会见分机) whose browser has the camera, e.g. GZ-TH-L01")
    String terminal();

    @AttributeDefinition(description = "Part of the video device's label as the browser lists it (case-insensitive), "
            + "e.g. 'Document Camera' or the vendor's USB product name")
    String label() default "";

    @AttributeDefinition(description = "The device's deviceId in that browser, if known (it wins over the label)")
    String deviceId() default "";

    @AttributeDefinition(description = "Width of the still asked for, pixels")
    int width() default 2592;

    @AttributeDefinition(description = "Height of the still asked for, pixels")
    int height() default 1944;
}

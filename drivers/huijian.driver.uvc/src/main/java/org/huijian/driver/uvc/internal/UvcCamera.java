package org.huijian.driver.uvc.internal;

import org.huijian.documents.spi.BrowserCamera;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A standard UVC document camera plugged into a kiosk: the capture happens in the terminal's browser
 * ({@code getUserMedia} with this device, one frame drawn at full size onto a canvas, uploaded as PNG), so the
 * server never talks to the camera. This component only tells that terminal's kiosk page which device to open and
 * at what size ({@code GET /api/document-cameras}).
 */
@Component(service = BrowserCamera.class, configurationPid = UvcCameraConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = UvcCameraConfig.class, factory = true)
public class UvcCamera implements BrowserCamera {
    private final String id;
    private final String terminal;
    private final String label;
    private final String deviceId;
    private final int width;
    private final int height;

    @Activate
    public UvcCamera(UvcCameraConfig config) {
        if (config.id() == null || config.id().isBlank() || config.terminal() == null || config.terminal().isBlank()) {
            throw new IllegalArgumentException("a UVC document camera needs an id and a terminal");
        }
        if (config.label().isBlank() && config.deviceId().isBlank()) {
            throw new IllegalArgumentException("UVC document camera " + config.id()
                    + ": give the device's label (or its deviceId)");
        }
        if (config.width() < 320 || config.height() < 240 || config.width() > 8192 || config.height() > 8192) {
            throw new IllegalArgumentException("UVC document camera " + config.id()
                    + ": width and height must be from 320 x 240 to 8192 x 8192");
        }
        this.id = config.id().strip();
        this.terminal = config.terminal().strip();
        this.label = config.label().strip();
        this.deviceId = config.deviceId().strip();
        this.width = config.width();
        this.height = config.height();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String terminal() {
        return terminal;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }
}

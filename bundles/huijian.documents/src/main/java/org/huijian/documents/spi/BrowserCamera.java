package org.huijian.documents.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A document camera (高拍仪) that the terminal's own browser captures from: a standard UVC camera plugged into the
 * kiosk, opened with {@code getUserMedia}. Nothing passes through the server but the still the page uploads; this
 * service only tells the kiosk page of its terminal which video device is the document camera and at what size to
 * take the still. Register one per terminal that has one (e.g. a factory configuration each).
 */
@ConsumerType
public interface BrowserCamera {
    /** Stable id, unique on the server. */
    String id();

    /** The code of the terminal (会见分机) whose browser has the camera. */
    String terminal();

    /**
     * How the page finds the device among {@code navigator.mediaDevices.enumerateDevices()}: a part of its label
     * (case-insensitive), e.g. {@code "Document Camera"} or the vendor's USB name; empty to take the deviceId.
     */
    String label();

    /** The device's {@code deviceId} in that browser, when known; empty to find it by {@link #label()}. */
    default String deviceId() {
        return "";
    }

    /** Width of the still asked for, in pixels (the camera gives the nearest it has). */
    default int width() {
        return 2592;
    }

    /** Height of the still asked for, in pixels. */
    default int height() {
        return 1944;
    }
}

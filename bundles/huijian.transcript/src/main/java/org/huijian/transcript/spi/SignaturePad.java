package org.huijian.transcript.spi;

import java.io.IOException;
import java.time.Duration;
import org.huijian.transcript.SignatureInput;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A signature pad attached to a detainee terminal, driven from the server (a vendor SDK, a serial or USB pad).
 * Pads the terminal's browser reaches itself (pen or touch screens through pointer events) need no driver.
 *
 * <p>Register one service per pad. The transcript service asks the pad of the detainee terminal for a signature
 * when the detainee signs on it; the pad returns the strokes in its own coordinate space ({@link
 * SignatureInput#width()} × {@link SignatureInput#height()}, y down), pressure 0..1 and time in ms from the first
 * sample. The service validates them as it does strokes from a browser.
 */
@ConsumerType
public interface SignaturePad {
    /** Service property: the pad's id. */
    String PROP_ID = "huijian.signaturepad.id";
    /** Service property: code of the terminal the pad is attached to. */
    String PROP_TERMINAL = "huijian.signaturepad.terminal";

    /** Unique on the server, e.g. {@code GZ-TH-D01-pad}. */
    String id();

    /** Code of the terminal the pad is attached to (e.g. {@code GZ-KSS1-D01}). */
    String terminal();

    /** Whether the pad is connected and can take a signature now. */
    boolean available();

    /**
     * Waits for the person to sign on the pad (and confirm on it, if the pad has a button) and returns the strokes.
     *
     * @param prompt text the pad may show on its own display (e.g. 请在此签名), may be ignored
     * @param timeout how long to wait at most
     * @throws IOException the pad failed, is gone, or nobody signed within {@code timeout}
     */
    SignatureInput capture(String prompt, Duration timeout) throws IOException;
}

package org.huijian.documents;

import java.util.Map;
import org.huijian.core.HuijianException;

/** A page could not be processed: it {@code timed-out}, was {@code cancelled}, or the {@code ocr-failed}. */
public class ProcessingException extends HuijianException {
    private static final long serialVersionUID = 1L;

    public static final String TIMED_OUT = "timed-out";
    public static final String CANCELLED = "cancelled";
    public static final String OCR_FAILED = "ocr-failed";

    private final String reason;

    public ProcessingException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** {@link #TIMED_OUT}, {@link #CANCELLED} or {@link #OCR_FAILED}. */
    public String reason() {
        return reason;
    }

    @Override
    public String type() {
        return "processing-failed";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("reason", reason);
    }
}

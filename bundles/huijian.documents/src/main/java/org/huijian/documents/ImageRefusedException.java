package org.huijian.documents;

import java.util.Map;
import org.huijian.core.InvalidInputException;

/**
 * An image refused before anything was queued, saying why in a way HTTP can use: {@link #TOO_LARGE} (too many
 * bytes or pixels: 413), {@link #UNSUPPORTED} (not PNG or JPEG by its bytes, or the bytes disagree with the type
 * claimed: 415), {@link #UNREADABLE} (a broken header, no pixels, too small for a page: 400).
 */
public class ImageRefusedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public static final String TOO_LARGE = "too-large";
    public static final String UNSUPPORTED = "unsupported";
    public static final String UNREADABLE = "unreadable";

    private final String kind;

    public ImageRefusedException(String kind, String field, String message) {
        super(field, message);
        this.kind = kind;
    }

    /** {@link #TOO_LARGE}, {@link #UNSUPPORTED} or {@link #UNREADABLE}. */
    public String kind() {
        return kind;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("refused", kind);
    }
}

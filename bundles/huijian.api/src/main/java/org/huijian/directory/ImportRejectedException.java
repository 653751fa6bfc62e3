package org.huijian.directory;

import java.util.List;
import java.util.Map;
import org.huijian.core.InvalidInputException;

/**
 * An imported file has problems, so nothing of it was stored. {@link #errors()} lists them in the order of
 * the file, at most {@link DirectoryService#MAX_IMPORT_ERRORS}; {@link #errorCount()} counts them all. The
 * {@link #violations() violations} name each problem's place as {@link ImportError#where()}.
 */
public class ImportRejectedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<ImportError> errors;
    private final int errorCount;

    public ImportRejectedException(List<ImportError> errors, int errorCount) {
        super(errors.stream().map(e -> new Violation(e.where(), e.message())).toList());
        this.errors = List.copyOf(errors);
        this.errorCount = Math.max(errorCount, errors.size());
    }

    public ImportRejectedException(ImportError error) {
        this(List.of(error), 1);
    }

    /** The problems found, in the order of the file (at most {@link DirectoryService#MAX_IMPORT_ERRORS}). */
    public List<ImportError> errors() {
        return errors;
    }

    /** How many problems were found in all; more than {@code errors().size()} when the list was cut. */
    public int errorCount() {
        return errorCount;
    }

    /** A one-line summary naming the first few problems. */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(errorCount == 1 ? "the file has 1 problem" : "the file has " + errorCount
                + " problems").append("; nothing was imported: ");
        int shown = Math.min(3, errors.size());
        for (int i = 0; i < shown; i++) {
            ImportError e = errors.get(i);
            sb.append(i == 0 ? "" : "; ").append(e.where()).append(": ").append(e.message());
        }
        if (errorCount > shown) {
            sb.append("; …");
        }
        return sb.toString();
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errorCount", errorCount);
    }
}

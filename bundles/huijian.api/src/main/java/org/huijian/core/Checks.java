package org.huijian.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of one input, then reports them together:
 *
 * <pre>
 * new Checks().text("code", spec.code(), 32).text("name", spec.name(), 100).done();
 * </pre>
 *
 * Lengths are counted in Unicode code points, so a Chinese name of 10 characters is 10 long.
 */
public final class Checks {
    private final List<InvalidInputException.Violation> violations = new ArrayList<>();

    /** A required text of 1 to {@code max} characters, not blank. */
    public Checks text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return optionalText(field, value, max);
    }

    /** An optional text of at most {@code max} characters. */
    public Checks optionalText(String field, String value, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                fail(field, "is " + length + " characters long; at most " + max + " allowed");
            } else if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
                fail(field, "contains control characters");
            }
        }
        return this;
    }

    /** A required text that must match {@code pattern} entirely. */
    public Checks matches(String field, String value, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        if (!pattern.matcher(value).matches()) {
            return fail(field, "must be " + expected);
        }
        return this;
    }

    /** Any value that must not be null. */
    public Checks required(String field, Object value) {
        return value == null ? fail(field, "is required") : this;
    }

    /** A rule of the caller's own. */
    public Checks rule(boolean holds, String field, String message) {
        return holds ? this : fail(field, message);
    }

    public Checks fail(String field, String message) {
        violations.add(new InvalidInputException.Violation(field, message));
        return this;
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** Throws {@link InvalidInputException} naming every broken rule, if any. */
    public void done() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}

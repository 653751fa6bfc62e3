package org.huijian.directory;

/**
 * One problem of an imported file.
 *
 * @param line the line of the file where the row starts (the header is line 1 when it is the first line);
 *        0 when the problem is about the file as a whole (its size, its encoding)
 * @param column the column's heading as written in the file, or null when the problem is not about one
 *        column
 * @param field the field the column holds ({@code code}, {@code name}, {@code caseNo}, ...; the names of
 *        {@link DetaineeSpec} and {@link CaseSpec}), or null
 * @param message what is wrong, e.g. {@code is required}
 */
public record ImportError(int line, String column, String field, String message) {

    /** {@code line 3 name}, {@code line 3}, or {@code file}: where the problem is, for one-line reasons. */
    public String where() {
        String at = line == 0 ? "file" : "line " + line;
        return field == null ? at : at + " " + field;
    }
}

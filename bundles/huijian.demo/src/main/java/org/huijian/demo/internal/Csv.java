package org.huijian.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small CSV dialect of the demo data files: UTF-8, one record per line, the first line that is
 * not blank or a {@code #} comment names the columns, fields are separated by {@code ,} and trimmed;
 * a field that holds a comma is written in double quotes ({@code "a, b"}, {@code ""} for a quote).
 */
final class Csv {

    /** One data line: its file and line number (for messages) and its fields by column name. */
    record Row(String file, int line, Map<String, String> fields) {
        /** The field of the column, trimmed; empty when blank. */
        String get(String column) {
            return fields.getOrDefault(column, "");
        }

        String where() {
            return file + ":" + line;
        }
    }

    private Csv() {
    }

    /**
     * Reads the rows of one file. A missing required column, or a line with a different number of
     * fields than the header, is added to {@code problems} and the line is skipped.
     */
    static List<Row> read(String file, Reader reader, List<String> columns, List<String> problems)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        BufferedReader in = new BufferedReader(reader);
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields;
            try {
                fields = split(line);
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + number + ": " + e.getMessage());
                continue;
            }
            if (header == null) {
                header = fields;
                List<String> missing = columns.stream().filter(c -> !fields.contains(c)).toList();
                if (!missing.isEmpty()) {
                    problems.add(file + ":" + number + ": missing column(s) " + String.join(", ", missing));
                    return rows;
                }
                continue;
            }
            if (fields.size() != header.size()) {
                problems.add(file + ":" + number + ": has " + fields.size() + " fields; the header has "
                        + header.size());
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), fields.get(i));
            }
            rows.add(new Row(file, number, values));
        }
        if (header == null) {
            problems.add(file + ": has no header line");
        }
        return rows;
    }

    /** Splits one line into trimmed fields; empty fields are kept, also at the end. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (ch == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted && !Character.isWhitespace(ch)) {
                throw new IllegalArgumentException("text after a closing quote in field " + (fields.size() + 1));
            } else if (!wasQuoted) {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in field " + (fields.size() + 1));
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }
}

package org.huijian.store.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 has it: records end at CRLF, LF or CR; fields are separated by commas; a field
 * in double quotes may hold commas, line breaks and doubled quotes ({@code ""}). Unquoted fields are trimmed;
 * a quote inside an unquoted field is kept as it is (as spreadsheets read it). Each record knows the line it
 * starts on, so messages point at what the user sees in an editor or a spreadsheet.
 */
public final class CsvReader {

    /** One record: the line it starts on, its fields, and a problem with its quoting (or null). */
    public record Record(int line, List<String> fields, String problem) {
        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private final String text;
    private int pos;
    private int line = 1;

    public CsvReader(String text) {
        this.text = text;
    }

    /** The next record, or null at the end of the text. */
    public Record next() {
        if (pos >= text.length()) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        String problem = null;
        StringBuilder field = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                fields.add(field.toString().strip());
                return new Record(start, fields, problem);
            }
            char ch = text.charAt(pos);
            if (ch == '"' && field.toString().isBlank()) {
                int opened = line;
                pos++;
                field.setLength(0);
                boolean closed = false;
                while (pos < text.length()) {
                    char q = text.charAt(pos);
                    if (q == '"') {
                        if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                            field.append('"');
                            pos += 2;
                            continue;
                        }
                        pos++;
                        closed = true;
                        break;
                    }
                    if (q == '\r' || q == '\n') {
                        lineBreak();
                        field.append('\n');
                        continue;
                    }
                    field.append(q);
                    pos++;
                }
                if (!closed) {
                    fields.add(field.toString());
                    return new Record(start, fields, "the quoted field that starts on line " + opened
                            + " is never closed (a \" is missing)");
                }
                // After the closing quote only blanks may come before the next comma or line end.
                int after = pos;
                while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                    pos++;
                }
                if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\r'
                        && text.charAt(pos) != '\n') {
                    if (problem == null) {
                        problem = "field " + (fields.size() + 1) + " has text after its closing quote";
                    }
                    pos = after;
                    while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\r'
                            && text.charAt(pos) != '\n') {
                        field.append(text.charAt(pos++));
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (pos >= text.length()) {
                    return new Record(start, fields, problem);
                }
                char end = text.charAt(pos);
                if (end == ',') {
                    pos++;
                    if (pos >= text.length()) {
                        fields.add("");
                        return new Record(start, fields, problem);
                    }
                    continue;
                }
                lineBreak();
                return new Record(start, fields, problem);
            }
            if (ch == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
                pos++;
                if (pos >= text.length()) {
                    fields.add("");
                    return new Record(start, fields, problem);
                }
                continue;
            }
            if (ch == '\r' || ch == '\n') {
                fields.add(field.toString().strip());
                lineBreak();
                return new Record(start, fields, problem);
            }
            field.append(ch);
            pos++;
        }
    }

    /** Steps over one line break (CRLF, LF or CR) at {@code pos}. */
    private void lineBreak() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
    }
}

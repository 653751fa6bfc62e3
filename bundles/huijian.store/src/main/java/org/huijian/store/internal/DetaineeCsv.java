package org.huijian.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huijian.core.Checks;
import org.huijian.core.InvalidInputException;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.CaseStage;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.Gender;
import org.huijian.directory.ImportError;
import org.huijian.directory.ImportRejectedException;
import org.huijian.store.csv.CsvReader;

/**
 * Reads a CSV file of detainees and their cases (see {@link DirectoryService#importDetainees}): finds the
 * encoding, parses the records, maps the header to fields, turns cells into values and checks every row by
 * the single-entry rules and against the other rows. What needs the database is left to the caller.
 */
final class DetaineeCsv {
    static final Charset GB18030 = Charset.forName("GB18030");

    /** The columns of the file: the field each holds and the headings that name it. */
    enum Column {
        CODE("code", "监所编号", "编号", "在押人员编号"),
        NAME("name", "姓名"),
        GENDER("gender", "性别"),
        BIRTH_DATE("birthDate", "出生日期"),
        ADMITTED_ON("admittedOn", "入所日期"),
        CASE_NO("caseNo", "案件编号", "案号"),
        CHARGE("charge", "涉嫌罪名", "罪名"),
        STAGE("stage", "诉讼阶段"),
        HANDLING_AUTHORITY("handlingAuthority", "办案机关", "办案单位"),
        APPROVAL_REQUIRED("approvalRequired", "需办案机关许可"),
        INTERPRETER_NEEDED("interpreterNeeded", "需要翻译");

        final String field;
        final List<String> chinese;

        Column(String field, String... chinese) {
            this.field = field;
            this.chinese = List.of(chinese);
        }

        boolean isCase() {
            return ordinal() >= CASE_NO.ordinal();
        }

        static Column byField(String field) {
            return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst().orElse(null);
        }
    }

    /** One data row, read and checked on its own. {@code caseSpec} is null when the row has no case. */
    record Row(int line, DetaineeSpec detainee, CaseSpec caseSpec, boolean valid) {
        String code() {
            return detainee.code();
        }
    }

    /** The file read: its rows (also those with problems), the problems so far, and what it was. */
    record Parsed(List<Row> rows, Problems problems, String encoding, String sha256, Map<Column, String> headings) {
        /** The heading of the field's column as the file writes it, or null. */
        String heading(String field) {
            Column c = Column.byField(field);
            return c == null ? null : headings.get(c);
        }
    }

    /** Collects problems; lists them in the order of the file, at most {@link DirectoryService#MAX_IMPORT_ERRORS}. */
    static final class Problems {
        private final List<ImportError> all = new ArrayList<>();

        void add(int line, String column, String field, String message) {
            all.add(new ImportError(line, column, field, message));
        }

        boolean any() {
            return !all.isEmpty();
        }

        /** Throws {@link ImportRejectedException} with every problem, if there is any. */
        void throwIfAny() {
            if (!all.isEmpty()) {
                List<ImportError> sorted = new ArrayList<>(all);
                sorted.sort(Comparator.comparingInt(ImportError::line));
                throw new ImportRejectedException(
                        sorted.subList(0, Math.min(sorted.size(), DirectoryService.MAX_IMPORT_ERRORS)), sorted.size());
            }
        }
    }

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?|(\\d{2})(\\d{2}))");

    private DetaineeCsv() {
    }

    /**
     * Reads the file and checks each row on its own and against the others.
     *
     * @throws ImportRejectedException at once when the file as a whole cannot be used (too large, not text,
     *         no or a wrong header, too many rows, a quote never closed)
     */
    static Parsed read(InputStream in, LocalDate today) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(DirectoryService.MAX_IMPORT_BYTES + 1);
        } catch (IOException e) {
            throw fatal(0, "could not be read: " + e.getMessage());
        }
        if (bytes.length > DirectoryService.MAX_IMPORT_BYTES) {
            throw fatal(0, "is larger than " + DirectoryService.MAX_IMPORT_BYTES / (1024 * 1024)
                    + " MB; split it into several files");
        }
        String sha256 = sha256(bytes);
        Decoded text = decode(bytes);
        Problems problems = new Problems();

        CsvReader reader = new CsvReader(text.text());
        CsvReader.Record first = reader.next();
        while (first != null && first.blank() && first.problem() == null) {
            first = reader.next();
        }
        CsvReader.Record header = first;
        if (header == null) {
            throw fatal(0, "is empty; it needs a header row and at least one row below it");
        }
        if (header.problem() != null) {
            throw fatal(header.line(), header.problem());
        }
        Map<Column, Integer> index = header(header, problems);
        problems.throwIfAny();
        Map<Column, String> headings = new EnumMap<>(Column.class);
        index.forEach((c, i) -> headings.put(c, header.fields().get(i).strip()));

        List<Row> rows = new ArrayList<>();
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            if (r.problem() != null) {
                // A quote never closed takes the rest of the file, so this is then the last record.
                problems.add(r.line(), null, null, r.problem());
                continue;
            }
            if (r.blank()) {
                continue;
            }
            if (rows.size() == DirectoryService.MAX_IMPORT_ROWS) {
                throw fatal(r.line(), "the file has more than " + DirectoryService.MAX_IMPORT_ROWS
                        + " rows; split it into several files");
            }
            rows.add(row(r, header.fields().size(), index, headings, today, problems));
        }
        if (rows.isEmpty() && !problems.any()) {
            throw fatal(header.line(), "there are no rows below the header");
        }
        acrossRows(rows, headings, problems);
        return new Parsed(rows, problems, text.encoding(), sha256, headings);
    }

    // ------------------------------------------------------------------ encoding

    record Decoded(String text, String encoding) {
    }

    static Decoded decode(byte[] b) {
        if (b.length == 0) {
            throw fatal(0, "is empty; it needs a header row and at least one row below it");
        }
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
            throw fatal(0, "is an Excel workbook (.xlsx) or another ZIP file, not CSV; in Excel save it as "
                    + "\"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\"");
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw fatal(0, "is an Excel 97-2003 workbook (.xls), not CSV; in Excel save it as "
                    + "\"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\"");
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            throw fatal(0, "is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (逗号分隔)\" instead");
        }
        Decoded d;
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            String text = strict(StandardCharsets.UTF_8, b, 3);
            if (text == null) {
                throw fatal(0, "starts with a UTF-8 byte-order mark but is not valid UTF-8");
            }
            d = new Decoded(text, "UTF-8");
        } else {
            String utf8 = strict(StandardCharsets.UTF_8, b, 0);
            String gb = utf8 == null ? strict(GB18030, b, 0) : null;
            if (utf8 != null) {
                d = new Decoded(utf8, "UTF-8");
            } else if (gb != null) {
                // Excel's "CSV" on Chinese Windows is GBK, which GB18030 contains. (GBK text is practically
                // never valid UTF-8 by chance: none of the Chinese headings is.)
                d = new Decoded(gb, "GB18030");
            } else {
                throw fatal(0, "is neither UTF-8 nor GB18030 (GBK) text; save it from Excel as \"CSV UTF-8 (逗号分隔)\"");
            }
        }
        if (d.text().indexOf('\0') >= 0) {
            throw fatal(0, "contains NUL characters, so it is not a CSV text file");
        }
        return d;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strict(Charset charset, byte[] b, int offset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ header

    /** The column a heading names: Chinese as written, English in any case and with or without spaces. */
    static Column column(String heading) {
        String h = heading.strip();
        if (h.endsWith("*")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        String english = h.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
        for (Column c : Column.values()) {
            if (c.chinese.contains(h) || c.field.toLowerCase(Locale.ROOT).equals(english)) {
                return c;
            }
        }
        return null;
    }

    private static Map<Column, Integer> header(CsvReader.Record header, Problems problems) {
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        List<String> cells = header.fields();
        int line = header.line();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                if (i < cells.size() - 1 || cells.size() == 1) {
                    problems.add(line, null, null, "column " + (i + 1) + " has no heading");
                }
                continue;
            }
            Column c = column(cell);
            if (c == null) {
                String hint = cell.contains(";") || cell.contains("\t")
                        ? "; separate the columns with commas (,)" : "";
                problems.add(line, cell, null, "is not a known column; the columns are " + known() + hint);
            } else if (index.containsKey(c)) {
                problems.add(line, cell, c.field, "names the same column as \"" + cells.get(index.get(c)).strip()
                        + "\"");
            } else {
                index.put(c, i);
            }
        }
        for (Column required : List.of(Column.CODE, Column.NAME, Column.GENDER)) {
            if (!index.containsKey(required)) {
                problems.add(line, null, required.field, "the column " + required.chinese.get(0) + " ("
                        + required.field + ") is missing");
            }
        }
        if (index.keySet().stream().anyMatch(Column::isCase)) {
            for (Column required : List.of(Column.CASE_NO, Column.CHARGE, Column.STAGE)) {
                if (!index.containsKey(required)) {
                    problems.add(line, null, required.field, "the column " + required.chinese.get(0) + " ("
                            + required.field + ") is missing; a file with cases needs 案件编号, 涉嫌罪名 and 诉讼阶段");
                }
            }
        }
        return index;
    }

    private static String known() {
        StringBuilder sb = new StringBuilder();
        for (Column c : Column.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.chinese.get(0)).append('/').append(c.field);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ rows

    private static Row row(CsvReader.Record r, int width, Map<Column, Integer> index, Map<Column, String> headings,
            LocalDate today, Problems problems) {
        int line = r.line();
        List<String> cells = r.fields();
        if (cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(s -> !s.isBlank())) {
            problems.add(line, null, null, "has " + cells.size() + " fields but the header has " + width
                    + "; put a field with a comma in double quotes");
        }
        Map<Column, String> raw = new EnumMap<>(Column.class);
        index.forEach((c, i) -> {
            String v = i < cells.size() ? cells.get(i).strip() : "";
            raw.put(c, v.isEmpty() ? null : v);
        });
        int before = problems.all.size();
        Cell cell = new Cell(line, headings, problems);
        Gender gender = cell.gender(raw.get(Column.GENDER));
        LocalDate birthDate = cell.date(Column.BIRTH_DATE, raw.get(Column.BIRTH_DATE));
        LocalDate admittedOn = cell.date(Column.ADMITTED_ON, raw.get(Column.ADMITTED_ON));
        DetaineeSpec detainee = new DetaineeSpec(null, raw.get(Column.CODE), raw.get(Column.NAME), gender, birthDate,
                admittedOn);
        List<InvalidInputException.Violation> violations = new ArrayList<>(
                violations(JpaDirectoryService.detaineeRules(new Checks(), detainee, today)));
        // A cell that could not be read is reported once, not again as "is required".
        violations.removeIf(v -> raw.get(Column.byField(v.field())) != null && v.message().equals("is required"));
        CaseSpec caseSpec = null;
        boolean hasCase = index.keySet().stream().filter(Column::isCase).anyMatch(c -> raw.get(c) != null);
        if (hasCase) {
            caseSpec = new CaseSpec(raw.get(Column.CASE_NO), null, raw.get(Column.CHARGE),
                    cell.stage(raw.get(Column.STAGE)), raw.get(Column.HANDLING_AUTHORITY),
                    cell.yesNo(Column.APPROVAL_REQUIRED, raw.get(Column.APPROVAL_REQUIRED)),
                    cell.yesNo(Column.INTERPRETER_NEEDED, raw.get(Column.INTERPRETER_NEEDED)));
            List<InvalidInputException.Violation> caseViolations = new ArrayList<>(
                    violations(JpaDirectoryService.caseRules(new Checks(), caseSpec, false)));
            caseViolations.removeIf(v -> raw.get(Column.byField(v.field())) != null && v.message().equals("is required"));
            violations.addAll(caseViolations);
        }
        for (InvalidInputException.Violation v : violations) {
            Column c = Column.byField(v.field());
            problems.add(line, c == null ? null : headings.get(c), v.field(), v.message());
        }
        return new Row(line, detainee, caseSpec, problems.all.size() == before);
    }

    /** Turns cells into values; a cell that cannot be read is a problem of its row and column. */
    private record Cell(int line, Map<Column, String> headings, Problems problems) {
        void fail(Column c, String message) {
            problems.add(line, headings.get(c), c.field, message);
        }

        Gender gender(String v) {
            if (v == null) {
                return null;
            }
            switch (v.toUpperCase(Locale.ROOT)) {
            case "男", "MALE", "M":
                return Gender.MALE;
            case "女", "FEMALE", "F":
                return Gender.FEMALE;
            default:
                fail(Column.GENDER, "\"" + v + "\" is not a gender; write 男 or 女 (MALE or FEMALE)");
                return null;
            }
        }

        LocalDate date(Column c, String v) {
            if (v == null) {
                return null;
            }
            Matcher m = DATE.matcher(v);
            if (m.matches()) {
                try {
                    int year = Integer.parseInt(m.group(1));
                    return m.group(2) != null
                            ? LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                            : LocalDate.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
                } catch (DateTimeException e) {
                    // falls through to the message
                }
            }
            fail(c, "\"" + v + "\" is not a date like 2026-03-05 or 2026/3/5");
            return null;
        }

        CaseStage stage(String v) {
            if (v == null) {
                return null;
            }
            switch (v.toUpperCase(Locale.ROOT).replace(' ', '_')) {
            case "侦查", "INVESTIGATION":
                return CaseStage.INVESTIGATION;
            case "审查起诉", "PROSECUTION_REVIEW":
                return CaseStage.PROSECUTION_REVIEW;
            case "审判", "TRIAL":
                return CaseStage.TRIAL;
            default:
                fail(Column.STAGE, "\"" + v + "\" is not a stage; write 侦查, 审查起诉 or 审判 "
                        + "(INVESTIGATION, PROSECUTION_REVIEW or TRIAL)");
                return null;
            }
        }

        Boolean yesNo(Column c, String v) {
            if (v == null) {
                return null;
            }
            switch (v.toUpperCase(Locale.ROOT)) {
            case "是", "YES", "Y", "TRUE", "1":
                return Boolean.TRUE;
            case "否", "NO", "N", "FALSE", "0":
                return Boolean.FALSE;
            default:
                fail(c, "\"" + v + "\" is not yes or no; write 是 or 否");
                return null;
            }
        }
    }

    /**
     * Rows with the same code are one detainee with several cases: each needs a case, all must agree on the
     * detainee's cells, and no case number may come twice.
     */
    private static void acrossRows(List<Row> rows, Map<Column, String> headings, Problems problems) {
        Map<String, Row> first = new LinkedHashMap<>();
        Map<String, Integer> caseLines = new HashMap<>();
        for (Row row : rows) {
            String code = row.code();
            if (code == null) {
                continue;
            }
            Row earlier = first.putIfAbsent(code, row);
            if (earlier != null) {
                if (earlier.caseSpec() == null || row.caseSpec() == null) {
                    problems.add(row.line(), headings.get(Column.CODE), "code", code + " is already on line "
                            + earlier.line() + "; a detainee with several cases takes one row per case");
                    continue;
                }
                if (earlier.valid() && row.valid()) {
                    for (Column c : List.of(Column.NAME, Column.GENDER, Column.BIRTH_DATE, Column.ADMITTED_ON)) {
                        if (!Objects.equals(value(earlier.detainee(), c), value(row.detainee(), c))) {
                            problems.add(row.line(), headings.get(c), c.field, "differs from line " + earlier.line()
                                    + ", which has the same code " + code);
                        }
                    }
                }
            }
            if (row.caseSpec() != null && row.caseSpec().caseNo() != null) {
                Integer at = caseLines.putIfAbsent(code + "\n" + row.caseSpec().caseNo(), row.line());
                if (at != null) {
                    problems.add(row.line(), headings.get(Column.CASE_NO), "caseNo", "case "
                            + row.caseSpec().caseNo() + " of " + code + " is already on line " + at);
                }
            }
        }
    }

    private static Object value(DetaineeSpec d, Column c) {
        return switch (c) {
        case NAME -> d.name();
        case GENDER -> d.gender();
        case BIRTH_DATE -> d.birthDate();
        case ADMITTED_ON -> d.admittedOn();
        default -> throw new IllegalArgumentException(c.name());
        };
    }

    private static List<InvalidInputException.Violation> violations(Checks checks) {
        try {
            checks.done();
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    static ImportRejectedException fatal(int line, String message) {
        return new ImportRejectedException(new ImportError(line, null, null, message));
    }
}

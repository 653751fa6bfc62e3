package org.huijian.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.huijian.core.Role;
import org.huijian.directory.CaseStage;
import org.huijian.directory.Gender;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.TerminalKind;

/**
 * The demo data set, read from the CSV files in {@code demo/} (see {@link #FILES}) and checked as a
 * whole before anything is written: every reference resolves, every code is unique and well formed,
 * every value fits the site's columns. Positions and terminals are derived from the counts in
 * {@code centres.csv} and {@code detention-centres.csv}.
 */
record DemoData(List<DetentionCentreRow> detentionCentres, List<CentreRow> centres,
        Map<String, List<OpeningPeriod>> openingHours, List<SpecialDayRow> specialDays, List<LawFirmRow> lawFirms,
        List<LawyerRow> lawyers, List<DetaineeRow> detainees, List<CaseRow> cases, List<AccountRow> accounts) {

    /** The data files, in the order they are read. */
    static final List<String> FILES = List.of("detention-centres.csv", "centres.csv", "opening-hours.csv",
            "special-days.csv", "law-firms.csv", "lawyers.csv", "detainees.csv", "cases.csv", "accounts.csv");

    /** Where the built-in data files are, in the bundle. */
    static final String BUILT_IN = "demo/";

    record DetentionCentreRow(String code, String name, String address, String phone, int detaineeTerminals) {
    }

    record CentreRow(String code, String name, String address, String phone, int positions,
            List<String> detentionCentres) {
    }

    record SpecialDayRow(LocalDate date, String name, boolean open) {
    }

    record LawFirmRow(String licenceNo, String name, String address, String phone) {
    }

    /** @param lawFirm the firm's licence number */
    record LawyerRow(String licenceNo, String name, String lawFirm, String mobile) {
    }

    record DetaineeRow(String detentionCentre, String code, String name, Gender gender, LocalDate birthDate,
            LocalDate admittedOn) {
    }

    /** @param flags {@code approval-required} and/or {@code interpreter}, separated by '|' */
    record CaseRow(String caseNo, String detentionCentre, String detainee, String charge, CaseStage stage,
            String handlingAuthority, boolean approvalRequired, boolean interpreterNeeded) {
    }

    /** @param lawyer the lawyer's licence number, or {@code null} */
    record AccountRow(String username, String displayName, Set<Role> roles, String lawyer) {
    }

    record PositionRow(String code, String name, String terminalCode, String terminalName) {
    }

    /** A terminal; of {@code centre}, {@code detentionCentre} and {@code position} only those that apply are set. */
    record TerminalRow(String code, String name, TerminalKind kind, String centre, String detentionCentre,
            String position) {
    }

    /** Where the data files are read from. */
    @FunctionalInterface
    interface Source {
        /** The file's content, or {@code null} when there is no such file. */
        InputStream open(String file) throws IOException;
    }

    /** The data built into the bundle. */
    static Source builtIn() {
        return file -> DemoData.class.getClassLoader().getResourceAsStream(BUILT_IN + file);
    }

    /** The files of {@code folder}; a file that is not there is taken from the built-in data. */
    static Source folder(Path folder) {
        Source builtIn = builtIn();
        return file -> {
            Path path = folder.resolve(file);
            return Files.isRegularFile(path) ? Files.newInputStream(path) : builtIn.open(file);
        };
    }

    /** Reads and checks all files; throws {@link DemoDataException} naming every problem found. */
    static DemoData load(Source source) {
        return new Loader(source).load();
    }

    /** The marker centre: its code exists only once the demo data is completely in place. */
    CentreRow marker() {
        return centres.get(0);
    }

    /** The positions of a centre, with their lawyer terminals. */
    static List<PositionRow> positions(CentreRow centre) {
        List<PositionRow> positions = new ArrayList<>();
        for (int n = 1; n <= centre.positions(); n++) {
            String number = String.format(Locale.ROOT, "%02d", n);
            String code = centre.code() + "-P" + number;
            positions.add(new PositionRow(code, "机位 " + number, code + "-L", "机位 " + number + " 律师会见分机"));
        }
        return positions;
    }

    /** The console terminal of a centre. */
    static TerminalRow console(CentreRow centre) {
        return new TerminalRow(centre.code() + "-CONSOLE", "会见监督台", TerminalKind.CONSOLE, centre.code(), null,
                null);
    }

    /** The detainee terminals of a detention centre. */
    static List<TerminalRow> detaineeTerminals(DetentionCentreRow dc) {
        List<TerminalRow> terminals = new ArrayList<>();
        for (int n = 1; n <= dc.detaineeTerminals(); n++) {
            String number = String.format(Locale.ROOT, "%02d", n);
            terminals.add(new TerminalRow(dc.code() + "-D" + number, "在押人员会见分机 " + number,
                    TerminalKind.DETAINEE, null, dc.code(), null));
        }
        return terminals;
    }

    /** Every terminal of the data set: lawyer terminals, consoles and detainee terminals. */
    List<TerminalRow> terminals() {
        List<TerminalRow> terminals = new ArrayList<>();
        for (CentreRow centre : centres) {
            for (PositionRow p : positions(centre)) {
                terminals.add(new TerminalRow(p.terminalCode(), p.terminalName(), TerminalKind.LAWYER, centre.code(),
                        null, p.code()));
            }
            terminals.add(console(centre));
        }
        for (DetentionCentreRow dc : detentionCentres) {
            terminals.addAll(detaineeTerminals(dc));
        }
        return terminals;
    }

    /** The data files break rules; nothing was written. */
    static final class DemoDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        DemoDataException(List<String> problems) {
            super(problems.size() + " problem(s) in the demo data: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /** Reads the files one by one, collecting every problem before giving up. */
    private static final class Loader {
        static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
        static final Pattern PHONE = Pattern.compile("0\\d{2,3}-\\d{7,8}");
        static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
        static final Pattern LAWYER_LICENCE = Pattern.compile("\\d{17}");
        static final Pattern FIRM_LICENCE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
        static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]*");
        static final Pattern LIST = Pattern.compile("\\s*;\\s*");
        /** The youngest age of criminal responsibility (刑法第十七条). */
        static final int MIN_AGE = 12;

        final Source source;
        final List<String> problems = new ArrayList<>();

        Loader(Source source) {
            this.source = source;
        }

        DemoData load() {
            List<DetentionCentreRow> detentionCentres = detentionCentres(rows(FILES.get(0),
                    "code", "name", "address", "phone", "detaineeTerminals"));
            Set<String> dcCodes = new HashSet<>();
            detentionCentres.forEach(dc -> dcCodes.add(dc.code()));

            List<CentreRow> centres = centres(rows(FILES.get(1),
                    "code", "name", "address", "phone", "positions", "detentionCentres"), dcCodes);
            Map<String, List<OpeningPeriod>> hours = openingHours(rows(FILES.get(2), "centre", "days", "start", "end"),
                    centres);
            List<SpecialDayRow> specialDays = specialDays(rows(FILES.get(3), "date", "name", "type"));
            List<LawFirmRow> lawFirms = lawFirms(rows(FILES.get(4), "licenceNo", "name", "address", "phone"));
            Map<String, String> firmsByName = new HashMap<>();
            lawFirms.forEach(f -> firmsByName.put(f.name(), f.licenceNo()));
            List<LawyerRow> lawyers = lawyers(rows(FILES.get(5), "licenceNo", "name", "lawFirm", "mobile"),
                    firmsByName);
            List<DetaineeRow> detainees = detainees(rows(FILES.get(6),
                    "detentionCentre", "code", "name", "gender", "birthDate", "admittedOn"), dcCodes);
            List<CaseRow> cases = cases(rows(FILES.get(7),
                    "caseNo", "detentionCentre", "detainee", "charge", "stage", "handlingAuthority", "flags"), detainees);
            Set<String> licences = new HashSet<>();
            lawyers.forEach(l -> licences.add(l.licenceNo()));
            List<AccountRow> accounts = accounts(rows(FILES.get(8), "username", "displayName", "roles", "lawyer"),
                    licences);

            if (centres.isEmpty()) {
                problems.add(FILES.get(1) + ": has no centre; the first centre is the marker of a seeded site");
            }
            DemoData data = new DemoData(List.copyOf(detentionCentres), List.copyOf(centres), hours,
                    List.copyOf(specialDays), List.copyOf(lawFirms), List.copyOf(lawyers), List.copyOf(detainees),
                    List.copyOf(cases), List.copyOf(accounts));
            if (problems.isEmpty()) {
                uniqueTerminalCodes(data);
            }
            if (!problems.isEmpty()) {
                throw new DemoDataException(problems);
            }
            return data;
        }

        private List<Csv.Row> rows(String file, String... columns) {
            try (InputStream in = source.open(file)) {
                if (in == null) {
                    problems.add(file + ": not found");
                    return List.of();
                }
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
                return Csv.read(file, reader, List.of(columns), problems);
            } catch (CharacterCodingException e) {
                problems.add(file + ": is not UTF-8");
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
            }
            return List.of();
        }

        private List<DetentionCentreRow> detentionCentres(List<Csv.Row> rows) {
            List<DetentionCentreRow> out = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                String code = code(row, "code", 28);
                unique(row, "code", code, codes);
                DetentionCentreRow dc = new DetentionCentreRow(code, text(row, "name", 100),
                        text(row, "address", 200), matching(row, "phone", PHONE, "a landline like 020-87401101"),
                        number(row, "detaineeTerminals", 0, 99));
                if (problems.size() == before) {
                    out.add(dc);
                }
            }
            return out;
        }

        private List<CentreRow> centres(List<Csv.Row> rows, Set<String> dcCodes) {
            List<CentreRow> out = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                String code = code(row, "code", 24);
                unique(row, "code", code, codes);
                List<String> linked = list(row, "detentionCentres");
                if (linked.isEmpty()) {
                    problem(row, "detentionCentres", "is required");
                }
                if (new HashSet<>(linked).size() != linked.size()) {
                    problem(row, "detentionCentres", "names a detention centre twice");
                }
                for (String dc : linked) {
                    if (!dcCodes.contains(dc)) {
                        problem(row, "detentionCentres", "no detention centre " + dc + " in " + FILES.get(0));
                    }
                }
                CentreRow centre = new CentreRow(code, text(row, "name", 100), text(row, "address", 200),
                        matching(row, "phone", PHONE, "a landline like 020-38861200"),
                        number(row, "positions", 1, 99), linked);
                if (problems.size() == before) {
                    out.add(centre);
                }
            }
            return out;
        }

        private Map<String, List<OpeningPeriod>> openingHours(List<Csv.Row> rows, List<CentreRow> centres) {
            Map<String, List<OpeningPeriod>> hours = new LinkedHashMap<>();
            centres.forEach(c -> hours.put(c.code(), new ArrayList<>()));
            for (Csv.Row row : rows) {
                int before = problems.size();
                String centre = row.get("centre");
                if (!centre.equals("*") && !hours.containsKey(centre)) {
                    problem(row, "centre", "must be * or a centre code from " + FILES.get(1));
                }
                Set<DayOfWeek> days = days(row, "days");
                LocalTime start = time(row, "start");
                LocalTime end = time(row, "end");
                if (start != null && end != null && !start.isBefore(end)) {
                    problem(row, "end", "must be after start");
                }
                if (problems.size() > before) {
                    continue;
                }
                for (Map.Entry<String, List<OpeningPeriod>> e : hours.entrySet()) {
                    if (!centre.equals("*") && !centre.equals(e.getKey())) {
                        continue;
                    }
                    for (DayOfWeek day : days) {
                        OpeningPeriod period = new OpeningPeriod(day, start, end);
                        for (OpeningPeriod other : e.getValue()) {
                            if (other.day() == day && other.start().isBefore(end) && start.isBefore(other.end())) {
                                problem(row, "start", "overlaps " + other.start() + "–" + other.end() + " on "
                                        + day + " at " + e.getKey());
                            }
                        }
                        e.getValue().add(period);
                    }
                }
            }
            Map<String, List<OpeningPeriod>> sorted = new LinkedHashMap<>();
            hours.forEach((centre, periods) -> sorted.put(centre, periods.stream()
                    .sorted(Comparator.comparing(OpeningPeriod::day).thenComparing(OpeningPeriod::start))
                    .toList()));
            return sorted;
        }

        private List<SpecialDayRow> specialDays(List<Csv.Row> rows) {
            List<SpecialDayRow> out = new ArrayList<>();
            Set<LocalDate> dates = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                List<LocalDate> range = dateRange(row, "date");
                String name = text(row, "name", 100);
                String type = row.get("type");
                boolean open = type.equals("workday");
                if (!open && !type.equals("holiday")) {
                    problem(row, "type", "must be holiday or workday");
                }
                for (LocalDate date : range) {
                    if (!dates.add(date)) {
                        problem(row, "date", date + " is listed twice");
                    }
                    if (open && date.getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue()) {
                        problem(row, "date", date + " is a " + date.getDayOfWeek()
                                + "; a make-up working day falls on a weekend");
                    }
                }
                if (problems.size() == before) {
                    range.forEach(date -> out.add(new SpecialDayRow(date, name, open)));
                }
            }
            out.sort(Comparator.comparing(SpecialDayRow::date));
            return out;
        }

        private List<LawFirmRow> lawFirms(List<Csv.Row> rows) {
            List<LawFirmRow> out = new ArrayList<>();
            Set<String> licences = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                String licence = matching(row, "licenceNo", FIRM_LICENCE, "an 18-character unified social credit code");
                unique(row, "licenceNo", licence, licences);
                String name = text(row, "name", 100);
                unique(row, "name", name, names);
                LawFirmRow firm = new LawFirmRow(licence, name, text(row, "address", 200),
                        matching(row, "phone", PHONE, "a landline like 020-38201188"));
                if (problems.size() == before) {
                    out.add(firm);
                }
            }
            return out;
        }

        private List<LawyerRow> lawyers(List<Csv.Row> rows, Map<String, String> firmsByName) {
            List<LawyerRow> out = new ArrayList<>();
            Set<String> licences = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                String licence = matching(row, "licenceNo", LAWYER_LICENCE, "17 digits");
                unique(row, "licenceNo", licence, licences);
                String firm = firmsByName.get(row.get("lawFirm"));
                if (firm == null) {
                    problem(row, "lawFirm", "no law firm named '" + row.get("lawFirm") + "' in " + FILES.get(4));
                }
                LawyerRow lawyer = new LawyerRow(licence, text(row, "name", 50), firm,
                        matching(row, "mobile", MOBILE, "11 digits starting with 1"));
                if (problems.size() == before) {
                    out.add(lawyer);
                }
            }
            return out;
        }

        private List<DetaineeRow> detainees(List<Csv.Row> rows, Set<String> dcCodes) {
            List<DetaineeRow> out = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                String dc = row.get("detentionCentre");
                if (!dcCodes.contains(dc)) {
                    problem(row, "detentionCentre", "no detention centre '" + dc + "' in " + FILES.get(0));
                }
                String code = code(row, "code", 32);
                if (code != null && !keys.add(dc + "/" + code)) {
                    problem(row, "code", code + " is listed twice in " + dc);
                }
                Gender gender = value(row, "gender", Gender.class);
                LocalDate born = date(row, "birthDate");
                LocalDate admitted = date(row, "admittedOn");
                if (born != null && admitted != null && Period.between(born, admitted).getYears() < MIN_AGE) {
                    problem(row, "admittedOn", "the detainee would be younger than " + MIN_AGE);
                }
                DetaineeRow detainee = new DetaineeRow(dc, code, text(row, "name", 50), gender, born, admitted);
                if (problems.size() == before) {
                    out.add(detainee);
                }
            }
            return out;
        }

        private List<CaseRow> cases(List<Csv.Row> rows, List<DetaineeRow> detainees) {
            Set<String> known = new HashSet<>();
            detainees.forEach(d -> known.add(d.detentionCentre() + "/" + d.code()));
            List<CaseRow> out = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                String key = row.get("detentionCentre") + "/" + row.get("detainee");
                if (!known.contains(key)) {
                    problem(row, "detainee", "no detainee " + row.get("detainee") + " in " + row.get("detentionCentre")
                            + " in " + FILES.get(6));
                }
                String caseNo = text(row, "caseNo", 64);
                if (caseNo != null && !keys.add(caseNo + "/" + key)) {
                    problem(row, "caseNo", caseNo + " is listed twice for the same detainee");
                }
                String flags = row.get("flags") == null ? "" : row.get("flags").strip();
                Set<String> flagSet = new HashSet<>(flags.isEmpty() ? List.of() : List.of(flags.split("\\|")));
                Set<String> unknown = new HashSet<>(flagSet);
                unknown.removeAll(Set.of("approval-required", "interpreter"));
                if (!unknown.isEmpty()) {
                    problem(row, "flags", "unknown flags " + unknown + "; known: approval-required, interpreter");
                }
                CaseRow c = new CaseRow(caseNo, row.get("detentionCentre"), row.get("detainee"),
                        text(row, "charge", 100), value(row, "stage", CaseStage.class),
                        text(row, "handlingAuthority", 100), flagSet.contains("approval-required"),
                        flagSet.contains("interpreter"));
                if (problems.size() == before) {
                    out.add(c);
                }
            }
            return out;
        }

        private List<AccountRow> accounts(List<Csv.Row> rows, Set<String> lawyerLicences) {
            List<AccountRow> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Csv.Row row : rows) {
                int before = problems.size();
                String username = matching(row, "username", USERNAME,
                        "lower-case letters, digits, '.', '_' or '-', starting with a letter");
                if (username != null && username.length() > 64) {
                    problem(row, "username", "is longer than 64 characters");
                }
                unique(row, "username", username, names);
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String id : list(row, "roles")) {
                    Role.byId(id).ifPresentOrElse(roles::add, () -> problem(row, "roles", "no role '" + id + "'; one of "
                            + Arrays.stream(Role.values()).map(Role::id).toList()));
                }
                if (roles.isEmpty() && problems.size() == before) {
                    problem(row, "roles", "is required");
                }
                String lawyer = row.get("lawyer").isEmpty() ? null : row.get("lawyer");
                if (lawyer != null && !lawyerLicences.contains(lawyer)) {
                    problem(row, "lawyer", "no lawyer with licence " + lawyer + " in " + FILES.get(5));
                }
                if (roles.contains(Role.LAWYER) != (lawyer != null)) {
                    problem(row, "lawyer", "is required for, and only for, an account with the lawyer role");
                }
                AccountRow account = new AccountRow(username, text(row, "displayName", 100), Set.copyOf(roles), lawyer);
                if (problems.size() == before) {
                    out.add(account);
                }
            }
            return out;
        }

        private void uniqueTerminalCodes(DemoData data) {
            Set<String> codes = new HashSet<>();
            for (TerminalRow t : data.terminals()) {
                if (!codes.add(t.code())) {
                    problems.add("terminal code " + t.code() + " is derived twice; change a centre or detention "
                            + "centre code");
                }
            }
            for (CentreRow c : data.centres()) {
                for (PositionRow p : positions(c)) {
                    if (!codes.add("position " + p.code())) {
                        problems.add("position code " + p.code() + " is derived twice; change a centre code");
                    }
                }
            }
        }

        // --- field checks: each returns null and records a problem when the field is wrong

        private void problem(Csv.Row row, String column, String message) {
            problems.add(row.where() + ": " + column + ": " + message);
        }

        private String text(Csv.Row row, String column, int max) {
            String value = row.get(column);
            if (value.isEmpty()) {
                problem(row, column, "is required");
                return null;
            }
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                problem(row, column, "is " + length + " characters long; at most " + max + " allowed");
                return null;
            }
            return value;
        }

        private String code(Csv.Row row, String column, int max) {
            String value = matching(row, column, CODE, "A-Z, 0-9 and '-'");
            if (value != null && value.length() > max) {
                problem(row, column, "is longer than " + max + " characters");
                return null;
            }
            return value;
        }

        private String matching(Csv.Row row, String column, Pattern pattern, String expected) {
            String value = row.get(column);
            if (value.isEmpty()) {
                problem(row, column, "is required");
                return null;
            }
            if (!pattern.matcher(value).matches()) {
                problem(row, column, "'" + value + "' must be " + expected);
                return null;
            }
            return value;
        }

        private void unique(Csv.Row row, String column, String value, Set<String> seen) {
            if (value != null && !seen.add(value)) {
                problem(row, column, value + " is listed twice");
            }
        }

        private int number(Csv.Row row, String column, int min, int max) {
            try {
                int value = Integer.parseInt(row.get(column));
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(row, column, "'" + row.get(column) + "' must be a whole number from " + min + " to " + max);
            return min;
        }

        private List<String> list(Csv.Row row, String column) {
            String value = row.get(column);
            return value.isEmpty() ? List.of()
                    : Arrays.stream(LIST.split(value)).filter(s -> !s.isEmpty()).toList();
        }

        private <E extends Enum<E>> E value(Csv.Row row, String column, Class<E> type) {
            try {
                return Enum.valueOf(type, row.get(column));
            } catch (IllegalArgumentException e) {
                problem(row, column, "'" + row.get(column) + "' must be one of "
                        + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        private LocalDate date(Csv.Row row, String column) {
            return parseDate(row, column, row.get(column));
        }

        private LocalDate parseDate(Csv.Row row, String column, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(row, column, "'" + text + "' must be a date like 2026-01-04");
                return null;
            }
        }

        private List<LocalDate> dateRange(Csv.Row row, String column) {
            String[] parts = row.get(column).split("\\.\\.", -1);
            if (parts.length > 2) {
                problem(row, column, "must be a date or a range FROM..TO");
                return List.of();
            }
            LocalDate from = parseDate(row, column, parts[0].strip());
            LocalDate to = parts.length == 2 ? parseDate(row, column, parts[1].strip()) : from;
            if (from == null || to == null) {
                return List.of();
            }
            if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
                problem(row, column, "the range must run forward and last at most a month");
                return List.of();
            }
            return from.datesUntil(to.plusDays(1)).toList();
        }

        private LocalTime time(Csv.Row row, String column) {
            try {
                return LocalTime.parse(row.get(column));
            } catch (DateTimeParseException e) {
                problem(row, column, "'" + row.get(column) + "' must be a time like 09:30");
                return null;
            }
        }

        private Set<DayOfWeek> days(Csv.Row row, String column) {
            String[] parts = row.get(column).split("\\.\\.", -1);
            try {
                DayOfWeek from = DayOfWeek.valueOf(parts[0].strip());
                DayOfWeek to = parts.length == 2 ? DayOfWeek.valueOf(parts[1].strip()) : from;
                if (parts.length > 2 || to.compareTo(from) < 0) {
                    throw new IllegalArgumentException();
                }
                Set<DayOfWeek> days = new LinkedHashSet<>();
                for (int day = from.getValue(); day <= to.getValue(); day++) {
                    days.add(DayOfWeek.of(day));
                }
                return days;
            } catch (IllegalArgumentException e) {
                problem(row, column, "'" + row.get(column) + "' must be a day (MONDAY) or a range (MONDAY..FRIDAY)");
                return Set.of();
            }
        }
    }
}

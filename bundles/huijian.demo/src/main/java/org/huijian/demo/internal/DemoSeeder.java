package org.huijian.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.AccountSpec;
import org.huijian.core.Actor;
import org.huijian.demo.internal.DemoData.AccountRow;
import org.huijian.demo.internal.DemoData.CaseRow;
import org.huijian.demo.internal.DemoData.CentreRow;
import org.huijian.demo.internal.DemoData.DetaineeRow;
import org.huijian.demo.internal.DemoData.DetentionCentreRow;
import org.huijian.demo.internal.DemoData.LawFirmRow;
import org.huijian.demo.internal.DemoData.LawyerRow;
import org.huijian.demo.internal.DemoData.PositionRow;
import org.huijian.demo.internal.DemoData.SpecialDayRow;
import org.huijian.demo.internal.DemoData.TerminalRow;
import org.huijian.directory.Case;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.LawFirm;
import org.huijian.directory.LawFirmSpec;
import org.huijian.directory.Lawyer;
import org.huijian.directory.LawyerSpec;
import org.huijian.site.CentreSpec;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.SiteService;
import org.huijian.site.SpecialDay;
import org.huijian.site.SpecialDaySpec;
import org.huijian.site.TerminalKind;
import org.huijian.site.TerminalSpec;

/**
 * Writes a checked {@link DemoData} set through the site, directory and account services.
 *
 * <p>Every record is looked up by its natural key (code, licence number, user name, date) before it
 * is created, so a run that stopped half-way is completed by the next one. The marker centre (the
 * first of {@code centres.csv}) is created last: once it exists the data set is complete and
 * {@link #seed} does nothing. Non-lawyer accounts come first, so a password the site's policy
 * refuses stops the run before anything else is written.
 */
final class DemoSeeder {

    /** Gives the password for the accounts about to be created; called at most once, before any write. */
    @FunctionalInterface
    interface Passwords {
        char[] forNewAccounts(List<String> usernames);
    }

    /** What a run did. */
    record Outcome(boolean alreadySeeded, String marker, Map<String, Integer> created, int kept) {
        String summary() {
            if (alreadySeeded) {
                return "Demo site already in place (centre " + marker + " exists); nothing to do";
            }
            String counts = created.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            return "Demo site seeded: created " + (counts.isEmpty() ? "nothing" : counts)
                    + (kept > 0 ? "; kept " + kept + " existing record(s) with the same key" : "");
        }
    }

    /** A service call failed; {@code step} says which record was being written. */
    static final class SeedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String step;

        SeedException(String step, Throwable cause) {
            super(step + ": " + describe(cause), cause);
            this.step = step;
        }

        String step() {
            return step;
        }

        private static String describe(Throwable cause) {
            String message = cause.getMessage();
            return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
        }
    }

    /** The run was interrupted (the component is going away); what was written stays and is reused. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String step) {
            super("stopped before " + step);
        }
    }

    private final SiteService site;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final Actor actor;
    private final Map<String, Integer> created = new LinkedHashMap<>();
    private int kept;

    DemoSeeder(SiteService site, DirectoryService directory, AccountService accounts, Actor actor) {
        this.site = site;
        this.directory = directory;
        this.accounts = accounts;
        this.actor = actor;
        for (String kind : List.of("centres", "detention centres", "positions", "terminals", "special days",
                "law firms", "lawyers", "detainees", "cases", "accounts")) {
            created.put(kind, 0);
        }
    }

    Outcome seed(DemoData data, Passwords passwords) {
        String marker = data.marker().code();
        if (call("looking up centre " + marker, () -> site.centreByCode(marker)).isPresent()) {
            return new Outcome(true, marker, Map.of(), 0);
        }
        Set<String> usernames = call("listing accounts", () -> accounts.accounts()).stream()
                .map(Account::username).collect(Collectors.toSet());
        List<AccountRow> newAccounts = data.accounts().stream().filter(a -> !usernames.contains(a.username()))
                .toList();
        kept += data.accounts().size() - newAccounts.size();
        char[] password = newAccounts.isEmpty() ? new char[0]
                : call("choosing the password of the demo accounts",
                        () -> passwords.forNewAccounts(newAccounts.stream().map(AccountRow::username).toList()));
        try {
            Map<String, Long> lawyerIds = new HashMap<>();
            createAccounts(newAccounts, false, lawyerIds, password);
            specialDays(data.specialDays());
            Map<String, Long> dcIds = detentionCentres(data.detentionCentres());
            Map<String, Long> firmIds = lawFirms(data.lawFirms());
            lawyerIds.putAll(lawyers(data.lawyers(), firmIds));
            Map<String, Long> detaineeIds = detainees(data.detainees(), dcIds);
            cases(data.cases(), detaineeIds);
            createAccounts(newAccounts, true, lawyerIds, password);
            List<CentreRow> centres = new ArrayList<>(data.centres());
            centres.add(centres.remove(0)); // the marker last
            for (CentreRow centre : centres) {
                centre(centre, data.openingHours().get(centre.code()), dcIds);
            }
        } finally {
            DemoCredentials.clear(password);
        }
        return new Outcome(false, marker, Collections.unmodifiableMap(new LinkedHashMap<>(created)), kept);
    }

    private void createAccounts(List<AccountRow> rows, boolean lawyers, Map<String, Long> lawyerIds, char[] password) {
        for (AccountRow a : rows) {
            if ((a.lawyer() != null) != lawyers) {
                continue;
            }
            Long lawyerId = a.lawyer() == null ? null : lawyerIds.get(a.lawyer());
            char[] copy = password.clone(); // the service may clear what it is given
            try {
                call("creating account " + a.username(), () -> accounts.create(actor,
                        new AccountSpec(a.username(), a.displayName(), a.roles(), lawyerId, null), copy));
            } finally {
                DemoCredentials.clear(copy);
            }
            count("accounts");
        }
    }

    private void specialDays(List<SpecialDayRow> days) {
        if (days.isEmpty()) {
            return;
        }
        LocalDate from = days.get(0).date();
        LocalDate to = days.get(days.size() - 1).date();
        Set<LocalDate> existing = call("listing special days",
                () -> site.specialDays(null, from, to)).stream().filter(d -> d.centreId() == null)
                .map(SpecialDay::date).collect(Collectors.toSet());
        for (SpecialDayRow d : days) {
            if (existing.contains(d.date())) {
                kept++;
                continue;
            }
            call("adding special day " + d.date() + " " + d.name(),
                    () -> site.addSpecialDay(actor, new SpecialDaySpec(d.date(), d.name(), d.open(), null)));
            count("special days");
        }
    }

    private Map<String, Long> detentionCentres(List<DetentionCentreRow> rows) {
        Map<String, Long> ids = new HashMap<>();
        for (DetentionCentreRow dc : rows) {
            DetentionCentre found = call("looking up detention centre " + dc.code(),
                    () -> site.detentionCentreByCode(dc.code())).orElse(null);
            if (found == null) {
                found = call("creating detention centre " + dc.code(), () -> site.createDetentionCentre(actor,
                        new DetentionCentreSpec(dc.code(), dc.name(), dc.address(), dc.phone())));
                count("detention centres");
            } else {
                kept++;
            }
            long id = found.id();
            ids.put(dc.code(), id);
            for (TerminalRow t : DemoData.detaineeTerminals(dc)) {
                terminal(t, null, id, null);
            }
        }
        return ids;
    }

    private Map<String, Long> lawFirms(List<LawFirmRow> rows) {
        Map<String, Long> ids = call("listing law firms", () -> directory.lawFirms()).stream()
                .collect(Collectors.toMap(LawFirm::licenceNo, LawFirm::id, (a, b) -> a, HashMap::new));
        for (LawFirmRow f : rows) {
            if (ids.containsKey(f.licenceNo())) {
                kept++;
                continue;
            }
            LawFirm firm = call("creating law firm " + f.name(), () -> directory.createLawFirm(actor,
                    new LawFirmSpec(f.name(), f.licenceNo(), f.address(), f.phone())));
            ids.put(f.licenceNo(), firm.id());
            count("law firms");
        }
        return ids;
    }

    private Map<String, Long> lawyers(List<LawyerRow> rows, Map<String, Long> firmIds) {
        Map<String, Long> ids = new HashMap<>();
        for (LawyerRow l : rows) {
            Lawyer lawyer = call("looking up lawyer " + l.licenceNo(), () -> directory.lawyerByLicence(l.licenceNo()))
                    .orElse(null);
            if (lawyer == null) {
                lawyer = call("creating lawyer " + l.licenceNo() + " " + l.name(), () -> directory.createLawyer(actor,
                        new LawyerSpec(l.name(), l.licenceNo(), firmIds.get(l.lawFirm()), l.mobile())));
                count("lawyers");
            } else {
                kept++;
            }
            ids.put(l.licenceNo(), lawyer.id());
        }
        return ids;
    }

    private Map<String, Long> detainees(List<DetaineeRow> rows, Map<String, Long> dcIds) {
        Map<String, Long> ids = new HashMap<>();
        Map<Long, Map<String, Long>> existing = new HashMap<>();
        for (DetaineeRow d : rows) {
            long dcId = dcIds.get(d.detentionCentre());
            Map<String, Long> inDc = existing.computeIfAbsent(dcId, id -> call(
                    "listing detainees of " + d.detentionCentre(), () -> directory.detainees(id)).stream()
                    .collect(Collectors.toMap(Detainee::code, Detainee::id, (a, b) -> a, HashMap::new)));
            Long id = inDc.get(d.code());
            if (id == null) {
                id = call("creating detainee " + d.code() + " in " + d.detentionCentre(), () -> directory.createDetainee(
                        actor, new DetaineeSpec(dcId, d.code(), d.name(), d.gender(), d.birthDate(), d.admittedOn())))
                        .id();
                inDc.put(d.code(), id);
                count("detainees");
            } else {
                kept++;
            }
            ids.put(d.detentionCentre() + "/" + d.code(), id);
        }
        return ids;
    }

    private void cases(List<CaseRow> rows, Map<String, Long> detaineeIds) {
        for (CaseRow c : rows) {
            long detaineeId = detaineeIds.get(c.detentionCentre() + "/" + c.detainee());
            Set<String> existing = call("listing cases of detainee " + c.detainee(),
                    () -> directory.cases(detaineeId)).stream().map(Case::caseNo).collect(Collectors.toSet());
            if (existing.contains(c.caseNo())) {
                kept++;
                continue;
            }
            call("creating case " + c.caseNo() + " of detainee " + c.detainee(), () -> directory.createCase(actor,
                    new CaseSpec(c.caseNo(), detaineeId, c.charge(), c.stage(), c.handlingAuthority(),
                            c.approvalRequired(), c.interpreterNeeded())));
            count("cases");
        }
    }

    private void centre(CentreRow c, List<OpeningPeriod> hours, Map<String, Long> dcIds) {
        long centreId = call("looking up centre " + c.code(), () -> site.centreByCode(c.code()))
                .map(found -> {
                    kept++;
                    return found.id();
                })
                .orElseGet(() -> {
                    long id = call("creating centre " + c.code(), () -> site.createCentre(actor,
                            new CentreSpec(c.code(), c.name(), c.address(), c.phone()))).id();
                    count("centres");
                    return id;
                });
        Set<Long> linked = call("listing detention centres linked to " + c.code(),
                () -> site.linkedDetentionCentres(centreId)).stream().map(DetentionCentre::id)
                .collect(Collectors.toCollection(HashSet::new));
        for (String dc : c.detentionCentres()) {
            long dcId = dcIds.get(dc);
            if (!linked.contains(dcId)) {
                call("linking centre " + c.code() + " to " + dc, () -> {
                    site.link(actor, centreId, dcId);
                    return null;
                });
            }
        }
        Map<String, Long> positions = call("listing positions of " + c.code(), () -> site.positions(centreId))
                .stream().collect(Collectors.toMap(Position::code, Position::id, (a, b) -> a, HashMap::new));
        for (PositionRow p : DemoData.positions(c)) {
            Long positionId = positions.get(p.code());
            if (positionId == null) {
                positionId = call("creating position " + p.code(),
                        () -> site.createPosition(actor, new PositionSpec(centreId, p.code(), p.name()))).id();
                count("positions");
            } else {
                kept++;
            }
            terminal(new TerminalRow(p.terminalCode(), p.terminalName(), TerminalKind.LAWYER,
                    c.code(), null, p.code()), centreId, null, positionId);
        }
        terminal(DemoData.console(c), centreId, null, null);
        if (hours != null && !hours.isEmpty()
                && call("reading the hours of " + c.code(), () -> site.openingHours(centreId)).isEmpty()) {
            call("setting the hours of " + c.code(), () -> site.setOpeningHours(actor, centreId, hours));
        }
    }

    private void terminal(TerminalRow t, Long centreId, Long detentionCentreId, Long positionId) {
        if (call("looking up terminal " + t.code(), () -> site.terminalByCode(t.code())).isPresent()) {
            kept++;
            return;
        }
        call("creating terminal " + t.code(), () -> site.createTerminal(actor,
                new TerminalSpec(t.code(), t.name(), t.kind(), centreId, detentionCentreId, positionId)));
        count("terminals");
    }

    private void count(String kind) {
        created.merge(kind, 1, Integer::sum);
    }

    /** Runs one service call; a failure becomes a {@link SeedException} that names the step. */
    private <T> T call(String step, Supplier<T> action) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped(step);
        }
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw new SeedException(step, e);
        }
    }
}

package org.huijian.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.Authentication;
import org.huijian.core.Actor;
import org.huijian.core.ConflictException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.directory.Case;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.LawFirm;
import org.huijian.directory.LawFirmSpec;
import org.huijian.directory.Lawyer;
import org.huijian.directory.LawyerSpec;
import org.huijian.site.Centre;
import org.huijian.site.CentreSpec;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.SiteService;
import org.huijian.site.SpecialDay;
import org.huijian.site.SpecialDaySpec;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalSpec;
import org.huijian.site.TimeRange;

/**
 * A plain in-memory stand-in for the three services, enough for the seeder: it keeps what is
 * written, refuses duplicate keys like the real store, requires a site administrator, and can be
 * told to fail one write (named {@code createCase 穗...}) to test a run that stops half-way.
 */
final class InMemorySite implements SiteService, DirectoryService, AccountService {
    private final AtomicLong ids = new AtomicLong();
    final Map<Long, Centre> centres = new LinkedHashMap<>();
    final Map<Long, DetentionCentre> detentionCentres = new LinkedHashMap<>();
    final List<long[]> links = new ArrayList<>();
    final Map<Long, Position> positions = new LinkedHashMap<>();
    final Map<Long, Terminal> terminals = new LinkedHashMap<>();
    final Map<Long, List<OpeningPeriod>> hours = new LinkedHashMap<>();
    final Map<Long, SpecialDay> specialDays = new LinkedHashMap<>();
    final Map<Long, LawFirm> lawFirms = new LinkedHashMap<>();
    final Map<Long, Lawyer> lawyers = new LinkedHashMap<>();
    final Map<Long, Detainee> detainees = new LinkedHashMap<>();
    final Map<Long, Case> cases = new LinkedHashMap<>();
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final Map<String, String> passwords = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    Predicate<String> failing = write -> false;

    private void write(Actor actor, String what) {
        if (!actor.has(Role.SITE_ADMIN)) {
            throw new org.huijian.core.AccessDeniedException("not a site administrator");
        }
        if (failing.test(what)) {
            throw new IllegalStateException("database unavailable");
        }
        writes.add(what);
    }

    private static <T> T found(T value, String kind, Object key) {
        if (value == null) {
            throw new NotFoundException(kind, key);
        }
        return value;
    }

    // --- SiteService

    @Override
    public List<Centre> centres() {
        return List.copyOf(centres.values());
    }

    @Override
    public Centre centre(long id) {
        return found(centres.get(id), "centre", id);
    }

    @Override
    public Optional<Centre> centreByCode(String code) {
        return centres.values().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public Centre createCentre(Actor actor, CentreSpec spec) {
        if (centreByCode(spec.code()).isPresent()) {
            throw new ConflictException("code", "centre " + spec.code() + " exists");
        }
        write(actor, "createCentre " + spec.code());
        Centre c = new Centre(ids.incrementAndGet(), spec.code(), spec.name(), spec.address(), spec.phone());
        centres.put(c.id(), c);
        return c;
    }

    @Override
    public Centre updateCentre(Actor actor, long id, CentreSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DetentionCentre> detentionCentres() {
        return List.copyOf(detentionCentres.values());
    }

    @Override
    public DetentionCentre detentionCentre(long id) {
        return found(detentionCentres.get(id), "detention centre", id);
    }

    @Override
    public Optional<DetentionCentre> detentionCentreByCode(String code) {
        return detentionCentres.values().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public DetentionCentre createDetentionCentre(Actor actor, DetentionCentreSpec spec) {
        if (detentionCentreByCode(spec.code()).isPresent()) {
            throw new ConflictException("code", "detention centre " + spec.code() + " exists");
        }
        write(actor, "createDetentionCentre " + spec.code());
        DetentionCentre dc = new DetentionCentre(ids.incrementAndGet(), spec.code(), spec.name(), spec.address(),
                spec.phone());
        detentionCentres.put(dc.id(), dc);
        return dc;
    }

    @Override
    public DetentionCentre updateDetentionCentre(Actor actor, long id, DetentionCentreSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void link(Actor actor, long centreId, long detentionCentreId) {
        centre(centreId);
        detentionCentre(detentionCentreId);
        if (links.stream().noneMatch(l -> l[0] == centreId && l[1] == detentionCentreId)) {
            write(actor, "link " + centreId + " " + detentionCentreId);
            links.add(new long[] {centreId, detentionCentreId});
        }
    }

    @Override
    public void unlink(Actor actor, long centreId, long detentionCentreId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DetentionCentre> linkedDetentionCentres(long centreId) {
        return links.stream().filter(l -> l[0] == centreId).map(l -> detentionCentres.get(l[1])).toList();
    }

    @Override
    public List<Centre> linkedCentres(long detentionCentreId) {
        return links.stream().filter(l -> l[1] == detentionCentreId).map(l -> centres.get(l[0])).toList();
    }

    @Override
    public List<Position> positions(long centreId) {
        return positions.values().stream().filter(p -> p.centreId() == centreId).toList();
    }

    @Override
    public Position createPosition(Actor actor, PositionSpec spec) {
        centre(spec.centreId());
        if (positions.values().stream().anyMatch(p -> p.code().equals(spec.code()))) {
            throw new ConflictException("code", "position " + spec.code() + " exists");
        }
        write(actor, "createPosition " + spec.code());
        Position p = new Position(ids.incrementAndGet(), spec.centreId(), spec.code(), spec.name(), true);
        positions.put(p.id(), p);
        return p;
    }

    @Override
    public Position setPositionEnabled(Actor actor, long positionId, boolean enabled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Terminal> terminals() {
        return List.copyOf(terminals.values());
    }

    @Override
    public Terminal terminal(long id) {
        return found(terminals.get(id), "terminal", id);
    }

    @Override
    public Optional<Terminal> terminalByCode(String code) {
        return terminals.values().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    @Override
    public Terminal createTerminal(Actor actor, TerminalSpec spec) {
        if (terminalByCode(spec.code()).isPresent()) {
            throw new ConflictException("code", "terminal " + spec.code() + " exists");
        }
        boolean placed = switch (spec.kind()) {
            case LAWYER -> spec.positionId() != null && positions.containsKey(spec.positionId())
                    && spec.detentionCentreId() == null;
            case DETAINEE -> spec.detentionCentreId() != null && spec.centreId() == null && spec.positionId() == null;
            case CONSOLE -> (spec.centreId() == null) != (spec.detentionCentreId() == null) && spec.positionId() == null;
        };
        if (!placed) {
            throw new InvalidInputException("kind", "terminal " + spec.code() + " is not placed as a " + spec.kind());
        }
        write(actor, "createTerminal " + spec.code());
        Long centreId = spec.kind() == org.huijian.site.TerminalKind.LAWYER
                ? Long.valueOf(positions.get(spec.positionId()).centreId()) : spec.centreId();
        Terminal t = new Terminal(ids.incrementAndGet(), spec.code(), spec.name(), spec.kind(), centreId,
                spec.detentionCentreId(), spec.positionId(), true);
        terminals.put(t.id(), t);
        return t;
    }

    @Override
    public Terminal setTerminalEnabled(Actor actor, long terminalId, boolean enabled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OpeningPeriod> openingHours(long centreId) {
        return hours.getOrDefault(centreId, List.of());
    }

    @Override
    public List<OpeningPeriod> setOpeningHours(Actor actor, long centreId, List<OpeningPeriod> periods) {
        centre(centreId);
        write(actor, "setOpeningHours " + centreId);
        hours.put(centreId, List.copyOf(periods));
        return periods;
    }

    @Override
    public List<SpecialDay> specialDays(Long centreId, LocalDate from, LocalDate to) {
        return specialDays.values().stream()
                .filter(d -> d.centreId() == null || d.centreId().equals(centreId))
                .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                .sorted(Comparator.comparing(SpecialDay::date)).toList();
    }

    @Override
    public SpecialDay addSpecialDay(Actor actor, SpecialDaySpec spec) {
        if (specialDays.values().stream().anyMatch(d -> d.date().equals(spec.date())
                && java.util.Objects.equals(d.centreId(), spec.centreId()))) {
            throw new ConflictException("date", spec.date() + " is a special day already");
        }
        write(actor, "addSpecialDay " + spec.date());
        SpecialDay d = new SpecialDay(ids.incrementAndGet(), spec.date(), spec.name(), spec.open(), spec.centreId());
        specialDays.put(d.id(), d);
        return d;
    }

    @Override
    public void removeSpecialDay(Actor actor, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TimeRange> openingOn(long centreId, LocalDate date) {
        throw new UnsupportedOperationException();
    }

    // --- DirectoryService

    @Override
    public List<LawFirm> lawFirms() {
        return List.copyOf(lawFirms.values());
    }

    @Override
    public LawFirm lawFirm(long id) {
        return found(lawFirms.get(id), "law firm", id);
    }

    @Override
    public LawFirm createLawFirm(Actor actor, LawFirmSpec spec) {
        if (lawFirms.values().stream().anyMatch(f -> f.licenceNo().equals(spec.licenceNo()))) {
            throw new ConflictException("licenceNo", "law firm " + spec.licenceNo() + " exists");
        }
        write(actor, "createLawFirm " + spec.licenceNo());
        LawFirm f = new LawFirm(ids.incrementAndGet(), spec.name(), spec.licenceNo(), spec.address(), spec.phone());
        lawFirms.put(f.id(), f);
        return f;
    }

    @Override
    public List<Lawyer> lawyers() {
        return List.copyOf(lawyers.values());
    }

    @Override
    public Lawyer lawyer(long id) {
        return found(lawyers.get(id), "lawyer", id);
    }

    @Override
    public Optional<Lawyer> lawyerByLicence(String licenceNo) {
        return lawyers.values().stream().filter(l -> l.licenceNo().equals(licenceNo)).findFirst();
    }

    @Override
    public Lawyer createLawyer(Actor actor, LawyerSpec spec) {
        lawFirm(spec.lawFirmId());
        if (lawyerByLicence(spec.licenceNo()).isPresent()) {
            throw new ConflictException("licenceNo", "lawyer " + spec.licenceNo() + " exists");
        }
        write(actor, "createLawyer " + spec.licenceNo());
        Lawyer l = new Lawyer(ids.incrementAndGet(), spec.name(), spec.licenceNo(), spec.lawFirmId(), spec.mobile());
        lawyers.put(l.id(), l);
        return l;
    }

    @Override
    public List<Detainee> detainees(long detentionCentreId) {
        return detainees.values().stream().filter(d -> d.detentionCentreId() == detentionCentreId).toList();
    }

    @Override
    public Detainee detainee(long id) {
        return found(detainees.get(id), "detainee", id);
    }

    @Override
    public Detainee createDetainee(Actor actor, DetaineeSpec spec) {
        detentionCentre(spec.detentionCentreId());
        if (detainees(spec.detentionCentreId()).stream().anyMatch(d -> d.code().equals(spec.code()))) {
            throw new ConflictException("code", "detainee " + spec.code() + " exists");
        }
        write(actor, "createDetainee " + spec.code());
        Detainee d = new Detainee(ids.incrementAndGet(), spec.detentionCentreId(), spec.code(), spec.name(),
                spec.gender(), spec.birthDate(), spec.admittedOn());
        detainees.put(d.id(), d);
        return d;
    }

    @Override
    public List<Case> cases(long detaineeId) {
        return cases.values().stream().filter(c -> c.detaineeId() == detaineeId).toList();
    }

    @Override
    public Case caseFile(long id) {
        return found(cases.get(id), "case", id);
    }

    @Override
    public Case createCase(Actor actor, CaseSpec spec) {
        detainee(spec.detaineeId());
        if (cases(spec.detaineeId()).stream().anyMatch(c -> c.caseNo().equals(spec.caseNo()))) {
            throw new ConflictException("caseNo", "case " + spec.caseNo() + " exists");
        }
        write(actor, "createCase " + spec.caseNo());
        Case c = new Case(ids.incrementAndGet(), spec.caseNo(), spec.detaineeId(), spec.charge(), spec.stage(),
                spec.handlingAuthority());
        cases.put(c.id(), c);
        return c;
    }

    // --- AccountService

    @Override
    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    @Override
    public Account account(String username) {
        return found(accounts.get(username), "account", username);
    }

    @Override
    public Account create(Actor actor, AccountSpec spec, char[] password) {
        if (accounts.containsKey(spec.username())) {
            throw new ConflictException("username", "account " + spec.username() + " exists");
        }
        if (password.length < 12) {
            throw new InvalidInputException("password", "must be at least 12 characters long");
        }
        if (spec.lawyerId() != null) {
            lawyer(spec.lawyerId());
        }
        write(actor, "createAccount " + spec.username());
        Account a = new Account(ids.incrementAndGet(), spec.username(), spec.displayName(), spec.roles(),
                spec.lawyerId(), false, null, null, false, Instant.now(), null);
        accounts.put(a.username(), a);
        passwords.put(a.username(), new String(password));
        java.util.Arrays.fill(password, '\0'); // as a careful implementation does
        return a;
    }

    @Override
    public Account setRoles(Actor actor, String username, Set<Role> roles) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Account lock(Actor actor, String username, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Account unlock(Actor actor, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Account resetPassword(Actor actor, String username, char[] newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Account changePassword(Actor actor, char[] currentPassword, char[] newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Authentication authenticate(String username, char[] password, String origin) {
        throw new UnsupportedOperationException();
    }
}

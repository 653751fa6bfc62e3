package org.huijian.store.internal;

import static org.huijian.store.internal.Rules.CODE;
import static org.huijian.store.internal.Rules.CODE_TEXT;
import static org.huijian.store.internal.Rules.PHONE;
import static org.huijian.store.internal.Rules.blank;
import static org.huijian.store.internal.Rules.clean;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.huijian.audit.AuditEntry;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.ConflictException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
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
import org.huijian.site.TerminalKind;
import org.huijian.site.TerminalSpec;
import org.huijian.site.TimeRange;
import org.huijian.store.internal.entity.CentreEntity;
import org.huijian.store.internal.entity.CentreLinkEntity;
import org.huijian.store.internal.entity.DetentionCentreEntity;
import org.huijian.store.internal.entity.OpeningPeriodEntity;
import org.huijian.store.internal.entity.PositionEntity;
import org.huijian.store.internal.entity.SpecialDayEntity;
import org.huijian.store.internal.entity.TerminalEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = SiteService.class)
public class JpaSiteService implements SiteService {
    private static final int MAX_PERIODS_PER_DAY = 8;
    private final Database db;

    @Activate
    public JpaSiteService(@Reference Database db) {
        this.db = db;
    }

    // ---- centres ----

    @Override
    public List<Centre> centres() {
        return db.read(em -> em.createNamedQuery("Centre.all", CentreEntity.class).getResultList().stream()
                .map(CentreEntity::toApi).toList());
    }

    @Override
    public Centre centre(long id) {
        return db.read(em -> centreEntity(em, id).toApi());
    }

    @Override
    public Optional<Centre> centreByCode(String code) {
        return db.read(em -> em.createNamedQuery("Centre.byCode", CentreEntity.class).setParameter("code", code)
                .getResultList().stream().findFirst().map(CentreEntity::toApi));
    }

    @Override
    public Centre createCentre(Actor actor, CentreSpec spec) {
        actor.require(Role.SITE_ADMIN);
        CentreSpec clean = checkPlace(spec.code(), spec.name(), spec.address(), spec.phone(), CentreSpec::new);
        return db.write(em -> {
            requireUniqueCode(em, "Centre.byCode", clean.code(), "centre");
            CentreEntity e = new CentreEntity(clean);
            em.persist(e);
            em.flush();
            return e.toApi();
        }, c -> audit(actor, "centre.create", "centre:" + c.code(), c.name()));
    }

    @Override
    public Centre updateCentre(Actor actor, long id, CentreSpec spec) {
        actor.require(Role.SITE_ADMIN);
        CentreSpec clean = checkPlace(spec.code(), spec.name(), spec.address(), spec.phone(), CentreSpec::new);
        return db.write(em -> {
            CentreEntity e = centreEntity(em, id);
            if (!e.getCode().equals(clean.code())) {
                requireUniqueCode(em, "Centre.byCode", clean.code(), "centre");
            }
            e.update(clean);
            return e.toApi();
        }, c -> audit(actor, "centre.update", "centre:" + c.code(), c.name()));
    }

    // ---- detention centres ----

    @Override
    public List<DetentionCentre> detentionCentres() {
        return db.read(em -> em.createNamedQuery("DetentionCentre.all", DetentionCentreEntity.class).getResultList()
                .stream().map(DetentionCentreEntity::toApi).toList());
    }

    @Override
    public DetentionCentre detentionCentre(long id) {
        return db.read(em -> detentionCentreEntity(em, id).toApi());
    }

    @Override
    public Optional<DetentionCentre> detentionCentreByCode(String code) {
        return db.read(em -> em.createNamedQuery("DetentionCentre.byCode", DetentionCentreEntity.class)
                .setParameter("code", code).getResultList().stream().findFirst().map(DetentionCentreEntity::toApi));
    }

    @Override
    public DetentionCentre createDetentionCentre(Actor actor, DetentionCentreSpec spec) {
        actor.require(Role.SITE_ADMIN);
        DetentionCentreSpec clean = checkPlace(spec.code(), spec.name(), spec.address(), spec.phone(),
                DetentionCentreSpec::new);
        return db.write(em -> {
            requireUniqueCode(em, "DetentionCentre.byCode", clean.code(), "detention centre");
            DetentionCentreEntity e = new DetentionCentreEntity(clean);
            em.persist(e);
            em.flush();
            return e.toApi();
        }, d -> audit(actor, "detention-centre.create", "detention-centre:" + d.code(), d.name()));
    }

    @Override
    public DetentionCentre updateDetentionCentre(Actor actor, long id, DetentionCentreSpec spec) {
        actor.require(Role.SITE_ADMIN);
        DetentionCentreSpec clean = checkPlace(spec.code(), spec.name(), spec.address(), spec.phone(),
                DetentionCentreSpec::new);
        return db.write(em -> {
            DetentionCentreEntity e = detentionCentreEntity(em, id);
            if (!e.getCode().equals(clean.code())) {
                requireUniqueCode(em, "DetentionCentre.byCode", clean.code(), "detention centre");
            }
            e.update(clean);
            return e.toApi();
        }, d -> audit(actor, "detention-centre.update", "detention-centre:" + d.code(), d.name()));
    }

    // ---- links ----

    @Override
    public void link(Actor actor, long centreId, long detentionCentreId) {
        actor.require(Role.SITE_ADMIN);
        db.write(em -> {
            String target = linkTarget(em, centreId, detentionCentreId);
            if (em.find(CentreLinkEntity.class, new CentreLinkEntity.Key(centreId, detentionCentreId)) != null) {
                return null;
            }
            em.persist(new CentreLinkEntity(centreId, detentionCentreId));
            return target;
        }, target -> target == null ? null : audit(actor, "link.add", target, ""));
    }

    @Override
    public void unlink(Actor actor, long centreId, long detentionCentreId) {
        actor.require(Role.SITE_ADMIN);
        db.write(em -> {
            String target = linkTarget(em, centreId, detentionCentreId);
            CentreLinkEntity link = em.find(CentreLinkEntity.class,
                    new CentreLinkEntity.Key(centreId, detentionCentreId));
            if (link == null) {
                return null;
            }
            em.remove(link);
            return target;
        }, target -> target == null ? null : audit(actor, "link.remove", target, ""));
    }

    private String linkTarget(EntityManager em, long centreId, long detentionCentreId) {
        return "centre:" + centreEntity(em, centreId).getCode() + "/detention-centre:"
                + detentionCentreEntity(em, detentionCentreId).getCode();
    }

    @Override
    public List<DetentionCentre> linkedDetentionCentres(long centreId) {
        return db.read(em -> {
            centreEntity(em, centreId);
            return em.createNamedQuery("Link.detentionCentresOf", DetentionCentreEntity.class)
                    .setParameter("centreId", centreId).getResultList().stream().map(DetentionCentreEntity::toApi)
                    .toList();
        });
    }

    @Override
    public List<Centre> linkedCentres(long detentionCentreId) {
        return db.read(em -> {
            detentionCentreEntity(em, detentionCentreId);
            return em.createNamedQuery("Link.centresOf", CentreEntity.class)
                    .setParameter("detentionCentreId", detentionCentreId).getResultList().stream()
                    .map(CentreEntity::toApi).toList();
        });
    }

    // ---- positions ----

    @Override
    public List<Position> positions(long centreId) {
        return db.read(em -> {
            centreEntity(em, centreId);
            return em.createNamedQuery("Position.ofCentre", PositionEntity.class).setParameter("centreId", centreId)
                    .getResultList().stream().map(PositionEntity::toApi).toList();
        });
    }

    @Override
    public Position createPosition(Actor actor, PositionSpec spec) {
        actor.require(Role.SITE_ADMIN);
        new Checks().required("centreId", spec.centreId()).matches("code", spec.code(), CODE, CODE_TEXT)
                .text("name", spec.name(), 100).done();
        return db.write(em -> {
            centreEntity(em, spec.centreId());
            requireUniqueCode(em, "Position.byCode", spec.code(), "position");
            PositionEntity e = new PositionEntity(spec.centreId(), spec.code(), spec.name().strip());
            em.persist(e);
            em.flush();
            return e.toApi();
        }, p -> audit(actor, "position.create", "position:" + p.code(), p.name()));
    }

    @Override
    public Position setPositionEnabled(Actor actor, long positionId, boolean enabled) {
        actor.require(Role.SITE_ADMIN);
        return db.write(em -> {
            PositionEntity e = find(em, PositionEntity.class, positionId, "position");
            e.setEnabled(enabled);
            return e.toApi();
        }, p -> audit(actor, enabled ? "position.enable" : "position.disable", "position:" + p.code(), ""));
    }

    // ---- terminals ----

    @Override
    public List<Terminal> terminals() {
        return db.read(em -> em.createNamedQuery("Terminal.all", TerminalEntity.class).getResultList().stream()
                .map(TerminalEntity::toApi).toList());
    }

    @Override
    public Terminal terminal(long id) {
        return db.read(em -> find(em, TerminalEntity.class, id, "terminal").toApi());
    }

    @Override
    public Optional<Terminal> terminalByCode(String code) {
        return db.read(em -> em.createNamedQuery("Terminal.byCode", TerminalEntity.class).setParameter("code", code)
                .getResultList().stream().findFirst().map(TerminalEntity::toApi));
    }

    @Override
    public Terminal createTerminal(Actor actor, TerminalSpec spec) {
        actor.require(Role.SITE_ADMIN);
        Checks checks = new Checks().matches("code", spec.code(), CODE, CODE_TEXT).text("name", spec.name(), 100)
                .required("kind", spec.kind());
        if (spec.kind() == TerminalKind.LAWYER) {
            checks.required("positionId", spec.positionId())
                    .rule(spec.detentionCentreId() == null, "detentionCentreId",
                            "must be empty for a lawyer terminal (it stands at a position in a centre)");
        } else if (spec.kind() == TerminalKind.DETAINEE) {
            checks.required("detentionCentreId", spec.detentionCentreId())
                    .rule(spec.centreId() == null, "centreId", "must be empty for a detainee terminal")
                    .rule(spec.positionId() == null, "positionId", "must be empty for a detainee terminal");
        } else if (spec.kind() == TerminalKind.CONSOLE) {
            checks.rule((spec.centreId() == null) != (spec.detentionCentreId() == null), "centreId",
                    "a console stands at either a centre or a detention centre: give exactly one of centreId and "
                            + "detentionCentreId")
                    .rule(spec.positionId() == null, "positionId", "must be empty for a console");
        }
        checks.done();
        return db.write(em -> {
            requireUniqueCode(em, "Terminal.byCode", spec.code(), "terminal");
            Long centreId = spec.centreId();
            if (spec.kind() == TerminalKind.LAWYER) {
                PositionEntity position = find(em, PositionEntity.class, spec.positionId(), "position");
                if (centreId != null && centreId != position.getCentreId()) {
                    throw new InvalidInputException("centreId", "position " + spec.positionId()
                            + " is in centre " + position.getCentreId() + ", not " + centreId);
                }
                if (!em.createNamedQuery("Terminal.atPosition", TerminalEntity.class)
                        .setParameter("positionId", spec.positionId()).getResultList().isEmpty()) {
                    throw new ConflictException("positionId", "position " + spec.positionId()
                            + " already has a lawyer terminal");
                }
                centreId = position.getCentreId();
            } else if (centreId != null) {
                centreEntity(em, centreId);
            }
            if (spec.detentionCentreId() != null) {
                detentionCentreEntity(em, spec.detentionCentreId());
            }
            TerminalEntity e = new TerminalEntity(spec.code(), spec.name().strip(), spec.kind(), centreId,
                    spec.detentionCentreId(), spec.positionId());
            em.persist(e);
            em.flush();
            return e.toApi();
        }, t -> audit(actor, "terminal.create", "terminal:" + t.code(), t.kind() + " " + t.name()));
    }

    @Override
    public Terminal setTerminalEnabled(Actor actor, long terminalId, boolean enabled) {
        actor.require(Role.SITE_ADMIN);
        return db.write(em -> {
            TerminalEntity e = find(em, TerminalEntity.class, terminalId, "terminal");
            e.setEnabled(enabled);
            return e.toApi();
        }, t -> audit(actor, enabled ? "terminal.enable" : "terminal.disable", "terminal:" + t.code(), ""));
    }

    // ---- hours ----

    @Override
    public List<OpeningPeriod> openingHours(long centreId) {
        return db.read(em -> {
            centreEntity(em, centreId);
            return hours(em, centreId);
        });
    }

    private static List<OpeningPeriod> hours(EntityManager em, long centreId) {
        return em.createNamedQuery("Opening.ofCentre", OpeningPeriodEntity.class).setParameter("centreId", centreId)
                .getResultList().stream().map(OpeningPeriodEntity::toApi).toList();
    }

    @Override
    public List<OpeningPeriod> setOpeningHours(Actor actor, long centreId, List<OpeningPeriod> periods) {
        actor.require(Role.SITE_ADMIN);
        checkPeriods(periods);
        List<OpeningPeriod> sorted = periods.stream()
                .sorted(Comparator.comparing(OpeningPeriod::day).thenComparing(OpeningPeriod::start)).toList();
        return db.write(em -> {
            centreEntity(em, centreId);
            em.createNamedQuery("Opening.deleteOfCentre").setParameter("centreId", centreId).executeUpdate();
            for (OpeningPeriod p : sorted) {
                em.persist(new OpeningPeriodEntity(centreId, p));
            }
            return sorted;
        }, saved -> audit(actor, "hours.set", "centre:" + centreId, describe(saved)));
    }

    static void checkPeriods(List<OpeningPeriod> periods) {
        Checks checks = new Checks().required("periods", periods);
        checks.done();
        for (int i = 0; i < periods.size(); i++) {
            OpeningPeriod p = periods.get(i);
            String field = "periods[" + i + "]";
            if (p == null) {
                checks.fail(field, "is required");
                continue;
            }
            checks.required(field + ".day", p.day()).required(field + ".start", p.start())
                    .required(field + ".end", p.end());
            if (p.start() != null && p.end() != null) {
                checks.rule(p.start().isBefore(p.end()), field + ".end", "must be after start");
            }
        }
        checks.done();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningPeriod> ofDay = periods.stream().filter(p -> p.day() == day)
                    .sorted(Comparator.comparing(OpeningPeriod::start)).toList();
            checks.rule(ofDay.size() <= MAX_PERIODS_PER_DAY, "periods", "at most " + MAX_PERIODS_PER_DAY
                    + " periods on " + day);
            for (int i = 1; i < ofDay.size(); i++) {
                checks.rule(!ofDay.get(i).start().isBefore(ofDay.get(i - 1).end()), "periods",
                        day + " " + ofDay.get(i - 1).start() + "–" + ofDay.get(i - 1).end() + " overlaps "
                                + ofDay.get(i).start() + "–" + ofDay.get(i).end());
            }
        }
        checks.done();
    }

    private static String describe(List<OpeningPeriod> periods) {
        return periods.stream().map(p -> p.day().toString().substring(0, 3) + " " + p.start() + "-" + p.end())
                .collect(Collectors.joining(", "));
    }

    // ---- special days ----

    @Override
    public List<SpecialDay> specialDays(Long centreId, LocalDate from, LocalDate to) {
        new Checks().required("from", from).required("to", to)
                .rule(from == null || to == null || !to.isBefore(from), "to", "must not be before from")
                .rule(from == null || to == null || from.plusYears(5).isAfter(to), "to", "at most 5 years after from")
                .done();
        return db.read(em -> {
            if (centreId != null) {
                centreEntity(em, centreId);
            }
            return specialDays(em, centreId, from, to);
        });
    }

    private static List<SpecialDay> specialDays(EntityManager em, Long centreId, LocalDate from, LocalDate to) {
        return em.createNamedQuery("SpecialDay.between", SpecialDayEntity.class).setParameter("from", from)
                .setParameter("to", to).getResultList().stream().map(SpecialDayEntity::toApi)
                .filter(d -> centreId == null || d.centreId() == null || d.centreId().equals(centreId)).toList();
    }

    @Override
    public SpecialDay addSpecialDay(Actor actor, SpecialDaySpec spec) {
        actor.require(Role.SITE_ADMIN);
        new Checks().required("date", spec.date()).text("name", spec.name(), 100).required("open", spec.open()).done();
        return db.write(em -> {
            if (spec.centreId() != null) {
                centreEntity(em, spec.centreId());
            }
            boolean clash = specialDays(em, null, spec.date(), spec.date()).stream()
                    .anyMatch(d -> java.util.Objects.equals(d.centreId(), spec.centreId()));
            if (clash) {
                throw new ConflictException("date", spec.date() + " already has an entry"
                        + (spec.centreId() == null ? " for the whole site" : " for this centre"));
            }
            SpecialDayEntity e = new SpecialDayEntity(spec.date(), spec.name().strip(), spec.open(), spec.centreId());
            em.persist(e);
            em.flush();
            return e.toApi();
        }, d -> audit(actor, "special-day.add", "special-day:" + d.date(), (d.open() ? "open " : "closed ") + d.name()
                + (d.centreId() == null ? "" : " centre " + d.centreId())));
    }

    @Override
    public void removeSpecialDay(Actor actor, long id) {
        actor.require(Role.SITE_ADMIN);
        db.write(em -> {
            SpecialDayEntity e = find(em, SpecialDayEntity.class, id, "special day");
            SpecialDay d = e.toApi();
            em.remove(e);
            return d;
        }, d -> audit(actor, "special-day.remove", "special-day:" + d.date(), d.name()));
    }

    @Override
    public List<TimeRange> openingOn(long centreId, LocalDate date) {
        new Checks().required("date", date).done();
        return db.read(em -> {
            centreEntity(em, centreId);
            List<SpecialDay> special = specialDays(em, centreId, date, date);
            Optional<SpecialDay> rule = special.stream().filter(d -> d.centreId() != null).findFirst()
                    .or(() -> special.stream().findFirst());
            List<OpeningPeriod> weekly = hours(em, centreId);
            DayOfWeek day = date.getDayOfWeek();
            if (rule.isPresent() && !rule.get().open()) {
                return List.of();
            }
            // A make-up working day on a weekend keeps the hours of the first weekday that has any.
            DayOfWeek effective = rule.isPresent() && weekly.stream().noneMatch(p -> p.day() == day)
                    ? weekly.stream().map(OpeningPeriod::day).min(Comparator.naturalOrder()).orElse(day)
                    : day;
            List<TimeRange> out = new ArrayList<>();
            weekly.stream().filter(p -> p.day() == effective).forEach(p -> out.add(new TimeRange(p.start(), p.end())));
            return out;
        });
    }

    // ---- helpers ----

    private interface PlaceFactory<T> {
        T make(String code, String name, String address, String phone);
    }

    private static <T> T checkPlace(String code, String name, String address, String phone, PlaceFactory<T> factory) {
        new Checks().matches("code", code, CODE, CODE_TEXT).text("name", name, 100).optionalText("address", address, 200)
                .rule(blank(phone) || PHONE.matcher(phone.strip()).matches(), "phone",
                        "must be 3 to 32 digits, spaces, '+', '-', '(' or ')'")
                .done();
        return factory.make(code, name.strip(), clean(address), clean(phone));
    }

    private static void requireUniqueCode(EntityManager em, String query, String code, String kind) {
        if (!em.createNamedQuery(query).setParameter("code", code).getResultList().isEmpty()) {
            throw new ConflictException("code", "a " + kind + " with code " + code + " already exists");
        }
    }

    static CentreEntity centreEntity(EntityManager em, long id) {
        return find(em, CentreEntity.class, id, "centre");
    }

    static DetentionCentreEntity detentionCentreEntity(EntityManager em, long id) {
        return find(em, DetentionCentreEntity.class, id, "detention centre");
    }

    static <E> E find(EntityManager em, Class<E> type, long id, String kind) {
        E e = em.find(type, id);
        if (e == null) {
            throw new NotFoundException(kind, id);
        }
        return e;
    }

    static AuditEntry audit(Actor actor, String action, String target, String detail) {
        return new AuditEntry(actor, action, target, detail);
    }
}

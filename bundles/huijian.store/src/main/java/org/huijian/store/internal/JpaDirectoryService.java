package org.huijian.store.internal;

import static org.huijian.store.internal.JpaSiteService.audit;
import static org.huijian.store.internal.JpaSiteService.detentionCentreEntity;
import static org.huijian.store.internal.JpaSiteService.find;
import static org.huijian.store.internal.Rules.FIRM_LICENCE;
import static org.huijian.store.internal.Rules.LAWYER_LICENCE;
import static org.huijian.store.internal.Rules.MOBILE;
import static org.huijian.store.internal.Rules.PHONE;
import static org.huijian.store.internal.Rules.blank;
import static org.huijian.store.internal.Rules.clean;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.ConflictException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.Role;
import org.huijian.directory.Case;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.ImportMode;
import org.huijian.directory.ImportOptions;
import org.huijian.directory.ImportResult;
import org.huijian.directory.LawFirm;
import org.huijian.directory.LawFirmSpec;
import org.huijian.directory.Lawyer;
import org.huijian.directory.LawyerSpec;
import org.huijian.store.internal.entity.CaseEntity;
import org.huijian.store.internal.entity.DetaineeEntity;
import org.huijian.store.internal.entity.LawFirmEntity;
import org.huijian.store.internal.entity.LawyerEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = DirectoryService.class)
public class JpaDirectoryService implements DirectoryService {
    private static final Pattern DETAINEE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private final Database db;

    @Activate
    public JpaDirectoryService(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<LawFirm> lawFirms() {
        return db.read(em -> em.createNamedQuery("LawFirm.all", LawFirmEntity.class).getResultList().stream()
                .map(LawFirmEntity::toApi).toList());
    }

    @Override
    public LawFirm lawFirm(long id) {
        return db.read(em -> find(em, LawFirmEntity.class, id, "law firm").toApi());
    }

    @Override
    public LawFirm createLawFirm(Actor actor, LawFirmSpec spec) {
        actor.require(Role.SITE_ADMIN);
        new Checks().text("name", spec.name(), 100)
                .matches("licenceNo", spec.licenceNo(), FIRM_LICENCE, "17 or 18 digits or capital letters")
                .optionalText("address", spec.address(), 200)
                .rule(blank(spec.phone()) || PHONE.matcher(spec.phone()).matches(), "phone",
                        "must be 3 to 32 digits, spaces, '+', '-', '(' or ')'")
                .done();
        LawFirmSpec clean = new LawFirmSpec(spec.name().strip(), spec.licenceNo(), clean(spec.address()),
                clean(spec.phone()));
        return db.write(em -> {
            if (!em.createNamedQuery("LawFirm.byLicence").setParameter("licenceNo", clean.licenceNo()).getResultList()
                    .isEmpty()) {
                throw new ConflictException("licenceNo", "a law firm with licence " + clean.licenceNo()
                        + " already exists");
            }
            LawFirmEntity e = new LawFirmEntity(clean);
            em.persist(e);
            em.flush();
            return e.toApi();
        }, f -> audit(actor, "law-firm.create", "law-firm:" + f.id(), f.name()));
    }

    @Override
    public List<Lawyer> lawyers() {
        return db.read(em -> em.createNamedQuery("Lawyer.all", LawyerEntity.class).getResultList().stream()
                .map(LawyerEntity::toApi).toList());
    }

    @Override
    public Lawyer lawyer(long id) {
        return db.read(em -> find(em, LawyerEntity.class, id, "lawyer").toApi());
    }

    @Override
    public Optional<Lawyer> lawyerByLicence(String licenceNo) {
        return db.read(em -> em.createNamedQuery("Lawyer.byLicence", LawyerEntity.class)
                .setParameter("licenceNo", licenceNo).getResultList().stream().findFirst().map(LawyerEntity::toApi));
    }

    @Override
    public Lawyer createLawyer(Actor actor, LawyerSpec spec) {
        actor.require(Role.SITE_ADMIN);
        new Checks().text("name", spec.name(), 50)
                .matches("licenceNo", spec.licenceNo(), LAWYER_LICENCE, "the 17-digit lawyer licence number")
                .required("lawFirmId", spec.lawFirmId())
                .rule(blank(spec.mobile()) || MOBILE.matcher(spec.mobile()).matches(), "mobile",
                        "must be an 11-digit mobile number starting with 1")
                .done();
        LawyerSpec clean = new LawyerSpec(spec.name().strip(), spec.licenceNo(), spec.lawFirmId(), clean(spec.mobile()));
        return db.write(em -> {
            find(em, LawFirmEntity.class, clean.lawFirmId(), "law firm");
            if (!em.createNamedQuery("Lawyer.byLicence").setParameter("licenceNo", clean.licenceNo()).getResultList()
                    .isEmpty()) {
                throw new ConflictException("licenceNo", "a lawyer with licence " + clean.licenceNo()
                        + " already exists");
            }
            LawyerEntity e = new LawyerEntity(clean);
            em.persist(e);
            em.flush();
            return e.toApi();
        }, l -> audit(actor, "lawyer.create", "lawyer:" + l.licenceNo(), l.name()));
    }

    @Override
    public List<Detainee> detainees(long detentionCentreId) {
        return db.read(em -> {
            detentionCentreEntity(em, detentionCentreId);
            return em.createNamedQuery("Detainee.ofDetentionCentre", DetaineeEntity.class)
                    .setParameter("detentionCentreId", detentionCentreId).getResultList().stream()
                    .map(DetaineeEntity::toApi).toList();
        });
    }

    @Override
    public Detainee detainee(long id) {
        return db.read(em -> find(em, DetaineeEntity.class, id, "detainee").toApi());
    }

    @Override
    public Detainee createDetainee(Actor actor, DetaineeSpec spec) {
        actor.require(Role.SITE_ADMIN);
        detaineeRules(new Checks().required("detentionCentreId", spec.detentionCentreId()), spec, LocalDate.now())
                .done();
        DetaineeSpec clean = new DetaineeSpec(spec.detentionCentreId(), spec.code(), spec.name().strip(), spec.gender(),
                spec.birthDate(), spec.admittedOn());
        return db.write(em -> {
            detentionCentreEntity(em, clean.detentionCentreId());
            if (!em.createNamedQuery("Detainee.byCode").setParameter("detentionCentreId", clean.detentionCentreId())
                    .setParameter("code", clean.code()).getResultList().isEmpty()) {
                throw new ConflictException("code", "detainee code " + clean.code()
                        + " is already used in this detention centre");
            }
            DetaineeEntity e = new DetaineeEntity(clean);
            em.persist(e);
            em.flush();
            return e.toApi();
        }, d -> audit(actor, "detainee.create", "detainee:" + d.id(), "detention centre " + d.detentionCentreId()));
    }

    @Override
    public List<Case> cases(long detaineeId) {
        return db.read(em -> {
            find(em, DetaineeEntity.class, detaineeId, "detainee");
            return em.createNamedQuery("Case.ofDetainee", CaseEntity.class).setParameter("detaineeId", detaineeId)
                    .getResultList().stream().map(CaseEntity::toApi).toList();
        });
    }

    @Override
    public Case caseFile(long id) {
        return db.read(em -> find(em, CaseEntity.class, id, "case").toApi());
    }

    @Override
    public Case createCase(Actor actor, CaseSpec spec) {
        actor.require(Role.SITE_ADMIN);
        caseRules(new Checks(), spec, true).done();
        CaseSpec clean = new CaseSpec(spec.caseNo().strip(), spec.detaineeId(), spec.charge().strip(), spec.stage(),
                clean(spec.handlingAuthority()), Boolean.TRUE.equals(spec.approvalRequired()),
                Boolean.TRUE.equals(spec.interpreterNeeded()));
        return db.write(em -> {
            find(em, DetaineeEntity.class, clean.detaineeId(), "detainee");
            if (!em.createNamedQuery("Case.byNo").setParameter("detaineeId", clean.detaineeId())
                    .setParameter("caseNo", clean.caseNo()).getResultList().isEmpty()) {
                throw new ConflictException("caseNo", "this detainee already has case " + clean.caseNo());
            }
            CaseEntity e = new CaseEntity(clean);
            em.persist(e);
            em.flush();
            return e.toApi();
        }, c -> audit(actor, "case.create", "case:" + c.id(), c.caseNo() + " " + c.stage()));
    }

    /** The rules of a detainee's details, for single entry and import alike. */
    static Checks detaineeRules(Checks checks, DetaineeSpec spec, LocalDate today) {
        return checks.matches("code", spec.code(), DETAINEE_CODE, "1 to 32 letters, digits or '-'")
                .text("name", spec.name(), 50).required("gender", spec.gender())
                .rule(spec.birthDate() == null || spec.birthDate().isBefore(today.minusYears(12)), "birthDate",
                        "must be at least 12 years ago")
                .rule(spec.admittedOn() == null || !spec.admittedOn().isAfter(today), "admittedOn",
                        "must not be in the future")
                .rule(spec.birthDate() == null || spec.admittedOn() == null
                        || !spec.admittedOn().isBefore(spec.birthDate()), "admittedOn",
                        "must not be before the date of birth");
    }

    /** The rules of a case's details; {@code withDetainee}: the detainee's id must be given too. */
    static Checks caseRules(Checks checks, CaseSpec spec, boolean withDetainee) {
        checks.text("caseNo", spec.caseNo(), 64);
        if (withDetainee) {
            checks.required("detaineeId", spec.detaineeId());
        }
        return checks.text("charge", spec.charge(), 100).required("stage", spec.stage())
                .optionalText("handlingAuthority", spec.handlingAuthority(), 100);
    }

    @Override
    public ImportResult importDetainees(Actor actor, long detentionCentreId, InputStream csv, ImportOptions options) {
        actor.require(Role.SITE_ADMIN);
        new Checks().required("content", csv).done();
        ImportOptions opts = options == null ? new ImportOptions(null, null, false) : options;
        String fileName = fileName(opts.fileName());
        String dcCode = db.read(em -> detentionCentreEntity(em, detentionCentreId).toApi().code());
        LocalDate today = LocalDate.now();
        DetaineeCsv.Parsed file = DetaineeCsv.read(csv, today);
        if (opts.dryRun() || file.problems().any()) {
            // Nothing will be written: check against the database without taking the audit lock.
            return db.read(em -> plan(em, detentionCentreId, file, opts.mode(), today)
                    .result(fileName, file, opts.mode(), true));
        }
        return db.write(em -> {
            ImportPlan plan = plan(em, detentionCentreId, file, opts.mode(), today);
            plan.apply(em);
            return plan.result(fileName, file, opts.mode(), false);
        }, r -> audit(actor, "detainee.import", "detention-centre:" + dcCode, String.format(
                "%s (%s, sha256 %s): %d rows, mode %s; detainees %d created, %d updated, %d unchanged; "
                        + "cases %d created, %d updated, %d unchanged",
                r.fileName() == null ? "unnamed file" : r.fileName(), r.encoding(), r.sha256(), r.rows(), r.mode(),
                r.detaineesCreated(), r.detaineesUpdated(), r.detaineesUnchanged(), r.casesCreated(),
                r.casesUpdated(), r.casesUnchanged())));
    }

    /** A case to store, for a detainee that may get its id only when stored. */
    private record PendingCase(DetaineeEntity detainee, CaseSpec spec) {
    }

    /** What an import will change, worked out before anything is changed. */
    private static final class ImportPlan {
        final List<DetaineeEntity> newDetainees = new ArrayList<>();
        final List<PendingCase> newCases = new ArrayList<>();
        final List<Runnable> updates = new ArrayList<>();
        int detaineesCreated;
        int detaineesUpdated;
        int detaineesUnchanged;
        int casesCreated;
        int casesUpdated;
        int casesUnchanged;

        void apply(EntityManager em) {
            newDetainees.forEach(em::persist);
            em.flush();
            for (PendingCase c : newCases) {
                CaseSpec s = c.spec();
                em.persist(new CaseEntity(new CaseSpec(s.caseNo(), c.detainee().toApi().id(), s.charge(), s.stage(),
                        s.handlingAuthority(), s.approvalRequired(), s.interpreterNeeded())));
            }
            updates.forEach(Runnable::run);
        }

        ImportResult result(String fileName, DetaineeCsv.Parsed file, ImportMode mode, boolean dryRun) {
            return new ImportResult(fileName, file.encoding(), file.sha256(), mode, dryRun, file.rows().size(),
                    detaineesCreated, detaineesUpdated, detaineesUnchanged, casesCreated, casesUpdated, casesUnchanged);
        }
    }

    /**
     * Checks the file's rows against the detainees (and in update mode their cases) on file, adds what is
     * wrong to the file's problems and throws them all if there are any; else says what to change.
     */
    private static ImportPlan plan(EntityManager em, long detentionCentreId, DetaineeCsv.Parsed file, ImportMode mode,
            LocalDate today) {
        detentionCentreEntity(em, detentionCentreId);
        DetaineeCsv.Problems problems = file.problems();
        Map<String, DetaineeEntity> onFile = new HashMap<>();
        for (DetaineeEntity e : em.createNamedQuery("Detainee.ofDetentionCentre", DetaineeEntity.class)
                .setParameter("detentionCentreId", detentionCentreId).getResultList()) {
            onFile.put(e.toApi().code(), e);
        }
        Map<Long, Map<String, CaseEntity>> casesOnFile = new HashMap<>();
        if (mode == ImportMode.CREATE_OR_UPDATE) {
            for (CaseEntity c : em.createNamedQuery("Case.ofDetentionCentre", CaseEntity.class)
                    .setParameter("detentionCentreId", detentionCentreId).getResultList()) {
                Case api = c.toApi();
                casesOnFile.computeIfAbsent(api.detaineeId(), k -> new HashMap<>()).put(api.caseNo(), c);
            }
        }
        Map<String, List<DetaineeCsv.Row>> byCode = new LinkedHashMap<>();
        for (DetaineeCsv.Row row : file.rows()) {
            if (row.code() != null) {
                byCode.computeIfAbsent(row.code(), k -> new ArrayList<>()).add(row);
            }
        }
        ImportPlan plan = new ImportPlan();
        for (Map.Entry<String, List<DetaineeCsv.Row>> group : byCode.entrySet()) {
            String code = group.getKey();
            List<DetaineeCsv.Row> rows = group.getValue();
            DetaineeCsv.Row first = rows.get(0);
            DetaineeEntity stored = onFile.get(code);
            if (stored == null) {
                DetaineeSpec d = first.detainee();
                DetaineeEntity e = new DetaineeEntity(new DetaineeSpec(detentionCentreId, code, d.name(), d.gender(),
                        d.birthDate(), d.admittedOn()));
                plan.newDetainees.add(e);
                plan.detaineesCreated++;
                for (DetaineeCsv.Row row : rows) {
                    if (row.caseSpec() != null) {
                        plan.newCases.add(new PendingCase(e, row.caseSpec()));
                        plan.casesCreated++;
                    }
                }
                continue;
            }
            if (mode == ImportMode.CREATE) {
                problems.add(first.line(), file.heading("code"), "code", code
                        + " is already on file in this detention centre; import in update mode to change it");
                continue;
            }
            Detainee was = stored.toApi();
            DetaineeSpec d = first.detainee();
            DetaineeSpec merged = new DetaineeSpec(detentionCentreId, code, d.name(), d.gender(),
                    d.birthDate() != null ? d.birthDate() : was.birthDate(),
                    d.admittedOn() != null ? d.admittedOn() : was.admittedOn());
            if (first.valid()) {
                try {
                    detaineeRules(new Checks(), merged, today).done();
                } catch (InvalidInputException e) {
                    e.violations().forEach(v -> problems.add(first.line(), file.heading(v.field()), v.field(),
                            v.message() + " (with the value on file)"));
                }
            }
            if (merged.name().equals(was.name()) && merged.gender() == was.gender()
                    && java.util.Objects.equals(merged.birthDate(), was.birthDate())
                    && java.util.Objects.equals(merged.admittedOn(), was.admittedOn())) {
                plan.detaineesUnchanged++;
            } else {
                plan.updates.add(() -> stored.update(merged));
                plan.detaineesUpdated++;
            }
            Map<String, CaseEntity> cases = casesOnFile.getOrDefault(was.id(), Map.of());
            for (DetaineeCsv.Row row : rows) {
                CaseSpec c = row.caseSpec();
                if (c == null) {
                    continue;
                }
                CaseEntity storedCase = cases.get(c.caseNo());
                if (storedCase == null) {
                    plan.newCases.add(new PendingCase(stored, c));
                    plan.casesCreated++;
                    continue;
                }
                Case old = storedCase.toApi();
                CaseSpec mergedCase = new CaseSpec(old.caseNo(), old.detaineeId(), c.charge(), c.stage(),
                        c.handlingAuthority() != null ? c.handlingAuthority() : old.handlingAuthority(),
                        c.approvalRequired() != null ? c.approvalRequired() : old.approvalRequired(),
                        c.interpreterNeeded() != null ? c.interpreterNeeded() : old.interpreterNeeded());
                Case after = new Case(old.id(), old.caseNo(), old.detaineeId(), mergedCase.charge(), mergedCase.stage(),
                        mergedCase.handlingAuthority(), mergedCase.approvalRequired(), mergedCase.interpreterNeeded());
                if (after.equals(old)) {
                    plan.casesUnchanged++;
                } else {
                    plan.updates.add(() -> storedCase.update(mergedCase));
                    plan.casesUpdated++;
                }
            }
        }
        problems.throwIfAny();
        return plan;
    }

    /** The name of an imported file as shown in the audit log: no folders, no control characters, 100 long. */
    static String fileName(String given) {
        if (blank(given)) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        name.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7F).limit(100).forEach(sb::appendCodePoint);
        return clean(sb.toString());
    }
}

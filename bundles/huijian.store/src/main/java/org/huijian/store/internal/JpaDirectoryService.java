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

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.ConflictException;
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
        LocalDate today = LocalDate.now();
        new Checks().required("detentionCentreId", spec.detentionCentreId())
                .matches("code", spec.code(), DETAINEE_CODE, "1 to 32 letters, digits or '-'")
                .text("name", spec.name(), 50).required("gender", spec.gender())
                .rule(spec.birthDate() == null || spec.birthDate().isBefore(today.minusYears(12)), "birthDate",
                        "must be at least 12 years ago")
                .rule(spec.admittedOn() == null || !spec.admittedOn().isAfter(today), "admittedOn",
                        "must not be in the future")
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
        new Checks().text("caseNo", spec.caseNo(), 64).required("detaineeId", spec.detaineeId())
                .text("charge", spec.charge(), 100).required("stage", spec.stage())
                .optionalText("handlingAuthority", spec.handlingAuthority(), 100).done();
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
}

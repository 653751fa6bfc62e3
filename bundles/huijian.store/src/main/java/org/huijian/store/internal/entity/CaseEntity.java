package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.directory.Case;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.CaseStage;

@Entity
@Table(name = "HJ_CASE")
@NamedQueries({
        @NamedQuery(name = "Case.ofDetainee", query = "SELECT c FROM CaseEntity c WHERE c.detaineeId = :detaineeId ORDER BY c.id"),
        @NamedQuery(name = "Case.ofDetentionCentre", query = "SELECT c FROM CaseEntity c, DetaineeEntity d "
                + "WHERE c.detaineeId = d.id AND d.detentionCentreId = :detentionCentreId ORDER BY c.id"),
        @NamedQuery(name = "Case.byNo", query = "SELECT c FROM CaseEntity c WHERE c.detaineeId = :detaineeId AND c.caseNo = :caseNo")
})
public class CaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "CASE_NO")
    private String caseNo;
    @Column(name = "DETAINEE_ID")
    private long detaineeId;
    @Column(name = "CHARGE")
    private String charge;
    @Enumerated(EnumType.STRING)
    @Column(name = "STAGE")
    private CaseStage stage;
    @Column(name = "AUTHORITY")
    private String authority;
    @Column(name = "APPROVAL_REQUIRED")
    private boolean approvalRequired;
    @Column(name = "INTERPRETER_NEEDED")
    private boolean interpreterNeeded;

    protected CaseEntity() {
    }

    public CaseEntity(CaseSpec spec) {
        caseNo = spec.caseNo();
        detaineeId = spec.detaineeId();
        charge = spec.charge();
        stage = spec.stage();
        authority = spec.handlingAuthority();
        approvalRequired = Boolean.TRUE.equals(spec.approvalRequired());
        interpreterNeeded = Boolean.TRUE.equals(spec.interpreterNeeded());
    }

    /** Takes the case's details (not its number or detainee) from {@code spec}. */
    public void update(CaseSpec spec) {
        charge = spec.charge();
        stage = spec.stage();
        authority = spec.handlingAuthority();
        approvalRequired = Boolean.TRUE.equals(spec.approvalRequired());
        interpreterNeeded = Boolean.TRUE.equals(spec.interpreterNeeded());
    }

    public Case toApi() {
        return new Case(id, caseNo, detaineeId, charge, stage, authority, approvalRequired, interpreterNeeded);
    }
}

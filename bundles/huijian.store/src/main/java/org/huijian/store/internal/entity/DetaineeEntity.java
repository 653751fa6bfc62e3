package org.huijian.store.internal.entity;

import java.time.LocalDate;
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
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.Gender;

@Entity
@Table(name = "HJ_DETAINEE")
@NamedQueries({
        @NamedQuery(name = "Detainee.ofDetentionCentre", query = "SELECT d FROM DetaineeEntity d "
                + "WHERE d.detentionCentreId = :detentionCentreId ORDER BY d.code"),
        @NamedQuery(name = "Detainee.byCode", query = "SELECT d FROM DetaineeEntity d "
                + "WHERE d.detentionCentreId = :detentionCentreId AND d.code = :code")
})
public class DetaineeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "DETENTION_CENTRE_ID")
    private long detentionCentreId;
    @Column(name = "CODE")
    private String code;
    @Column(name = "NAME")
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "GENDER")
    private Gender gender;
    @Column(name = "BIRTH_DATE")
    private LocalDate birthDate;
    @Column(name = "ADMITTED_ON")
    private LocalDate admittedOn;

    protected DetaineeEntity() {
    }

    public DetaineeEntity(DetaineeSpec spec) {
        detentionCentreId = spec.detentionCentreId();
        code = spec.code();
        name = spec.name();
        gender = spec.gender();
        birthDate = spec.birthDate();
        admittedOn = spec.admittedOn();
    }

    /** Takes the person's details (not the detention centre or the code) from {@code spec}. */
    public void update(DetaineeSpec spec) {
        name = spec.name();
        gender = spec.gender();
        birthDate = spec.birthDate();
        admittedOn = spec.admittedOn();
    }

    public Detainee toApi() {
        return new Detainee(id, detentionCentreId, code, name, gender, birthDate, admittedOn);
    }
}

package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.directory.Lawyer;
import org.huijian.directory.LawyerSpec;

@Entity
@Table(name = "HJ_LAWYER")
@NamedQueries({
        @NamedQuery(name = "Lawyer.all", query = "SELECT l FROM LawyerEntity l ORDER BY l.name"),
        @NamedQuery(name = "Lawyer.byLicence", query = "SELECT l FROM LawyerEntity l WHERE l.licenceNo = :licenceNo")
})
public class LawyerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "NAME")
    private String name;
    @Column(name = "LICENCE_NO")
    private String licenceNo;
    @Column(name = "LAW_FIRM_ID")
    private long lawFirmId;
    @Column(name = "MOBILE")
    private String mobile;

    protected LawyerEntity() {
    }

    public LawyerEntity(LawyerSpec spec) {
        name = spec.name();
        licenceNo = spec.licenceNo();
        lawFirmId = spec.lawFirmId();
        mobile = spec.mobile();
    }

    public Lawyer toApi() {
        return new Lawyer(id, name, licenceNo, lawFirmId, mobile);
    }
}

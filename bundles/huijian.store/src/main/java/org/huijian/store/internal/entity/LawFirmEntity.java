package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.directory.LawFirm;
import org.huijian.directory.LawFirmSpec;

@Entity
@Table(name = "HJ_LAW_FIRM")
@NamedQueries({
        @NamedQuery(name = "LawFirm.all", query = "SELECT f FROM LawFirmEntity f ORDER BY f.name"),
        @NamedQuery(name = "LawFirm.byLicence", query = "SELECT f FROM LawFirmEntity f WHERE f.licenceNo = :licenceNo")
})
public class LawFirmEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "NAME")
    private String name;
    @Column(name = "LICENCE_NO")
    private String licenceNo;
    @Column(name = "ADDRESS")
    private String address;
    @Column(name = "PHONE")
    private String phone;

    protected LawFirmEntity() {
    }

    public LawFirmEntity(LawFirmSpec spec) {
        name = spec.name();
        licenceNo = spec.licenceNo();
        address = spec.address();
        phone = spec.phone();
    }

    public LawFirm toApi() {
        return new LawFirm(id, name, licenceNo, address, phone);
    }
}

package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;

@Entity
@Table(name = "HJ_DETENTION_CENTRE")
@NamedQueries({
        @NamedQuery(name = "DetentionCentre.all", query = "SELECT c FROM DetentionCentreEntity c ORDER BY c.code"),
        @NamedQuery(name = "DetentionCentre.byCode", query = "SELECT c FROM DetentionCentreEntity c WHERE c.code = :code")
})
public class DetentionCentreEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "CODE")
    private String code;
    @Column(name = "NAME")
    private String name;
    @Column(name = "ADDRESS")
    private String address;
    @Column(name = "PHONE")
    private String phone;

    protected DetentionCentreEntity() {
    }

    public DetentionCentreEntity(DetentionCentreSpec spec) {
        update(spec);
    }

    public void update(DetentionCentreSpec spec) {
        code = spec.code();
        name = spec.name();
        address = spec.address();
        phone = spec.phone();
    }

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public DetentionCentre toApi() {
        return new DetentionCentre(id, code, name, address, phone);
    }
}

package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.site.Centre;
import org.huijian.site.CentreSpec;

@Entity
@Table(name = "HJ_CENTRE")
@NamedQueries({
        @NamedQuery(name = "Centre.all", query = "SELECT c FROM CentreEntity c ORDER BY c.code"),
        @NamedQuery(name = "Centre.byCode", query = "SELECT c FROM CentreEntity c WHERE c.code = :code")
})
public class CentreEntity {
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

    protected CentreEntity() {
    }

    public CentreEntity(CentreSpec spec) {
        update(spec);
    }

    public void update(CentreSpec spec) {
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

    public Centre toApi() {
        return new Centre(id, code, name, address, phone);
    }
}

package org.huijian.store.internal.entity;

import javax.persistence.Entity;
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
public class CentreEntity extends PlaceEntity {

    protected CentreEntity() {
    }

    public CentreEntity(CentreSpec spec) {
        update(spec);
    }

    public void update(CentreSpec spec) {
        update(spec.code(), spec.name(), spec.address(), spec.phone());
    }

    public Centre toApi() {
        return new Centre(id, code, name, address, phone);
    }
}

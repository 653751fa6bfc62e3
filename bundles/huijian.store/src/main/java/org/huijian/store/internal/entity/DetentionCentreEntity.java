package org.huijian.store.internal.entity;

import javax.persistence.Entity;
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
public class DetentionCentreEntity extends PlaceEntity {

    protected DetentionCentreEntity() {
    }

    public DetentionCentreEntity(DetentionCentreSpec spec) {
        update(spec);
    }

    public void update(DetentionCentreSpec spec) {
        update(spec.code(), spec.name(), spec.address(), spec.phone());
    }

    public DetentionCentre toApi() {
        return new DetentionCentre(id, code, name, address, phone);
    }
}

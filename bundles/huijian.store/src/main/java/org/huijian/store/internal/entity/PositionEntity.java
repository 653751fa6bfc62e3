package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.site.Position;

@Entity
@Table(name = "HJ_POSITION")
@NamedQueries({
        @NamedQuery(name = "Position.ofCentre", query = "SELECT p FROM PositionEntity p WHERE p.centreId = :centreId ORDER BY p.code"),
        @NamedQuery(name = "Position.byCode", query = "SELECT p FROM PositionEntity p WHERE p.code = :code"),
        @NamedQuery(name = "Position.count", query = "SELECT COUNT(p) FROM PositionEntity p")
})
public class PositionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "CENTRE_ID")
    private long centreId;
    @Column(name = "CODE")
    private String code;
    @Column(name = "NAME")
    private String name;
    @Column(name = "ENABLED")
    private boolean enabled;

    protected PositionEntity() {
    }

    public PositionEntity(long centreId, String code, String name) {
        this.centreId = centreId;
        this.code = code;
        this.name = name;
        this.enabled = true;
    }

    public long getCentreId() {
        return centreId;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Position toApi() {
        return new Position(id, centreId, code, name, enabled);
    }
}

package org.huijian.store.internal.entity;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A centre may serve detainees of a detention centre. */
@Entity
@Table(name = "HJ_CENTRE_LINK")
@IdClass(CentreLinkEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = "Link.detentionCentresOf", query = "SELECT d FROM DetentionCentreEntity d, CentreLinkEntity l "
                + "WHERE l.detentionCentreId = d.id AND l.centreId = :centreId ORDER BY d.code"),
        @NamedQuery(name = "Link.centresOf", query = "SELECT c FROM CentreEntity c, CentreLinkEntity l "
                + "WHERE l.centreId = c.id AND l.detentionCentreId = :detentionCentreId ORDER BY c.code")
})
public class CentreLinkEntity {
    @Id
    @Column(name = "CENTRE_ID")
    private long centreId;
    @Id
    @Column(name = "DETENTION_CENTRE_ID")
    private long detentionCentreId;

    protected CentreLinkEntity() {
    }

    public CentreLinkEntity(long centreId, long detentionCentreId) {
        this.centreId = centreId;
        this.detentionCentreId = detentionCentreId;
    }

    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long centreId;
        public long detentionCentreId;

        public Key() {
        }

        public Key(long centreId, long detentionCentreId) {
            this.centreId = centreId;
            this.detentionCentreId = detentionCentreId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.centreId == centreId && k.detentionCentreId == detentionCentreId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(centreId, detentionCentreId);
        }
    }
}

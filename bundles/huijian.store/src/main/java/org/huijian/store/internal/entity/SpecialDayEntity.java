package org.huijian.store.internal.entity;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.site.SpecialDay;

@Entity
@Table(name = "HJ_SPECIAL_DAY")
@NamedQueries({
        @NamedQuery(name = "SpecialDay.between", query = "SELECT s FROM SpecialDayEntity s WHERE s.onDate BETWEEN :from AND :to "
                + "ORDER BY s.onDate, s.id")
})
public class SpecialDayEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "ON_DATE")
    private LocalDate onDate;
    @Column(name = "NAME")
    private String name;
    @Column(name = "IS_OPEN")
    private boolean open;
    @Column(name = "CENTRE_ID")
    private Long centreId;

    protected SpecialDayEntity() {
    }

    public SpecialDayEntity(LocalDate onDate, String name, boolean open, Long centreId) {
        this.onDate = onDate;
        this.name = name;
        this.open = open;
        this.centreId = centreId;
    }

    public SpecialDay toApi() {
        return new SpecialDay(id, onDate, name, open, centreId);
    }
}

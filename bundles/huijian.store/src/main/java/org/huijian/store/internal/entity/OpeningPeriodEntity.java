package org.huijian.store.internal.entity;

import java.time.DayOfWeek;
import java.time.LocalTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.site.OpeningPeriod;

@Entity
@Table(name = "HJ_OPENING_PERIOD")
@NamedQueries({
        @NamedQuery(name = "Opening.ofCentre", query = "SELECT o FROM OpeningPeriodEntity o WHERE o.centreId = :centreId "
                + "ORDER BY o.dayOfWeek, o.startTime"),
        @NamedQuery(name = "Opening.deleteOfCentre", query = "DELETE FROM OpeningPeriodEntity o WHERE o.centreId = :centreId")
})
public class OpeningPeriodEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "CENTRE_ID")
    private long centreId;
    /** ISO day number, Monday = 1. */
    @Column(name = "DAY_OF_WEEK")
    private short dayOfWeek;
    @Column(name = "START_TIME")
    private LocalTime startTime;
    @Column(name = "END_TIME")
    private LocalTime endTime;

    protected OpeningPeriodEntity() {
    }

    public OpeningPeriodEntity(long centreId, OpeningPeriod period) {
        this.centreId = centreId;
        this.dayOfWeek = (short) period.day().getValue();
        this.startTime = period.start();
        this.endTime = period.end();
    }

    public OpeningPeriod toApi() {
        return new OpeningPeriod(DayOfWeek.of(dayOfWeek), startTime, endTime);
    }
}

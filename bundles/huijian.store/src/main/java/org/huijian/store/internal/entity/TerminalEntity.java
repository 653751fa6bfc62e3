package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalKind;

@Entity
@Table(name = "HJ_TERMINAL")
@NamedQueries({
        @NamedQuery(name = "Terminal.all", query = "SELECT t FROM TerminalEntity t ORDER BY t.code"),
        @NamedQuery(name = "Terminal.byCode", query = "SELECT t FROM TerminalEntity t WHERE t.code = :code"),
        @NamedQuery(name = "Terminal.atPosition", query = "SELECT t FROM TerminalEntity t WHERE t.positionId = :positionId")
})
public class TerminalEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "CODE")
    private String code;
    @Column(name = "NAME")
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "KIND")
    private TerminalKind kind;
    @Column(name = "CENTRE_ID")
    private Long centreId;
    @Column(name = "DETENTION_CENTRE_ID")
    private Long detentionCentreId;
    @Column(name = "POSITION_ID")
    private Long positionId;
    @Column(name = "ENABLED")
    private boolean enabled;

    protected TerminalEntity() {
    }

    public TerminalEntity(String code, String name, TerminalKind kind, Long centreId, Long detentionCentreId,
            Long positionId) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.centreId = centreId;
        this.detentionCentreId = detentionCentreId;
        this.positionId = positionId;
        this.enabled = true;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Terminal toApi() {
        return new Terminal(id, code, name, kind, centreId, detentionCentreId, positionId, enabled);
    }
}

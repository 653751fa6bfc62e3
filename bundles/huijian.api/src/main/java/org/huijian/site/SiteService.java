package org.huijian.site;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huijian.core.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The site's set-up. Every change is one transaction and one audit event. Lookups of unknown ids
 * throw {@link org.huijian.core.NotFoundException}; bad input throws
 * {@link org.huijian.core.InvalidInputException}; duplicate codes throw
 * {@link org.huijian.core.ConflictException}; changes by an actor without the site-admin role throw
 * {@link org.huijian.core.AccessDeniedException}. Nothing is written when an exception is thrown.
 */
@ProviderType
public interface SiteService {

    List<Centre> centres();

    Centre centre(long id);

    Optional<Centre> centreByCode(String code);

    Centre createCentre(Actor actor, CentreSpec spec);

    Centre updateCentre(Actor actor, long id, CentreSpec spec);

    List<DetentionCentre> detentionCentres();

    DetentionCentre detentionCentre(long id);

    Optional<DetentionCentre> detentionCentreByCode(String code);

    DetentionCentre createDetentionCentre(Actor actor, DetentionCentreSpec spec);

    DetentionCentre updateDetentionCentre(Actor actor, long id, DetentionCentreSpec spec);

    /** Lets lawyers at the centre meet detainees of the detention centre. Linking twice is a no-op. */
    void link(Actor actor, long centreId, long detentionCentreId);

    void unlink(Actor actor, long centreId, long detentionCentreId);

    List<DetentionCentre> linkedDetentionCentres(long centreId);

    List<Centre> linkedCentres(long detentionCentreId);

    List<Position> positions(long centreId);

    Position createPosition(Actor actor, PositionSpec spec);

    Position setPositionEnabled(Actor actor, long positionId, boolean enabled);

    List<Terminal> terminals();

    Terminal terminal(long id);

    Optional<Terminal> terminalByCode(String code);

    /**
     * Registers a terminal. A {@link TerminalKind#LAWYER} terminal names its position (its centre follows
     * from it; a given {@code centreId} must match); a position has at most one lawyer terminal.
     */
    Terminal createTerminal(Actor actor, TerminalSpec spec);

    Terminal setTerminalEnabled(Actor actor, long terminalId, boolean enabled);

    /** The weekly opening periods of a centre, ordered by day and start. */
    List<OpeningPeriod> openingHours(long centreId);

    /** Replaces the weekly opening periods of a centre; periods of one day must not overlap. */
    List<OpeningPeriod> setOpeningHours(Actor actor, long centreId, List<OpeningPeriod> periods);

    /**
     * Holidays and make-up working days between two dates (inclusive): for a centre, the site-wide ones and
     * that centre's own; for {@code centreId == null}, all of them (site-wide and every centre's).
     */
    List<SpecialDay> specialDays(Long centreId, LocalDate from, LocalDate to);

    SpecialDay addSpecialDay(Actor actor, SpecialDaySpec spec);

    void removeSpecialDay(Actor actor, long id);

    /** When the centre is open on a date, after holidays and make-up days; empty when closed. */
    List<TimeRange> openingOn(long centreId, LocalDate date);
}

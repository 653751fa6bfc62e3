package org.huijian.booking.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.huijian.booking.internal.BookingConfig;
import org.huijian.booking.internal.Policy;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The site's booking rules as the portal shows them to lawyers: when days open, how long a slot is, until when a
 * booking can be cancelled or moved. Reads the same configuration as the booking service.
 */
@Component(service = RestResource.class, configurationPid = BookingConfig.PID)
@Path("booking-policy")
@Produces(MediaType.APPLICATION_JSON)
@Allow({ LAWYER, SITE_ADMIN, APPROVER, SUPERVISOR })
public class PolicyResource implements RestResource {

    /** What a lawyer needs to know of the policy; times are the site's local time in {@code zone}. */
    public record View(String zone, int slotMinutes, int maxSlots, int windowStartDays, int windowDays,
            String releaseTime, int cancelCutoffHours, int lateReleaseMinutes, int dailyLimit, int noShowLimit,
            int noShowPeriodDays, int suspensionDays, boolean autoApprove, boolean firstMeetingRemote,
            boolean interpreterRemote, List<String> approvalRequiredCharges) {
    }

    private final View view;

    @Activate
    public PolicyResource(BookingConfig config) {
        Policy p = Policy.of(config);
        this.view = new View(p.zone().getId(), p.slotMinutes(), p.maxSlots(), p.windowStartDays(), p.windowDays(),
                p.releaseTime().toString(), p.cancelCutoffHours(), p.lateReleaseMinutes(), p.dailyLimit(),
                p.noShowLimit(), p.noShowPeriodDays(), p.suspensionDays(), p.autoApprove(), p.firstMeetingRemote(),
                p.interpreterRemote(), p.approvalRequiredCharges());
    }

    @GET
    public View policy() {
        return view;
    }
}

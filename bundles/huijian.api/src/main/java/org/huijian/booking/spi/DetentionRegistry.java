package org.huijian.booking.spi;

import java.time.LocalDateTime;
import java.util.List;
import org.huijian.booking.Unavailability;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where detainees' availability comes from: the detention centre's own system or the supervision platform.
 * The booking service asks every registered registry before accepting a booking. A registry that learns of
 * a new unavailability later calls {@link org.huijian.booking.BookingService#detaineeUnavailable}.
 */
@ConsumerType
public interface DetentionRegistry {

    /** Times within [from, to) when the detainee cannot be brought to a terminal. */
    List<Unavailability> unavailability(long detaineeId, LocalDateTime from, LocalDateTime to);
}

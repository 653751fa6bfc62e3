package org.huijian.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.ws.rs.core.Response;
import org.huijian.booking.BookingRefusedException;
import org.huijian.core.NotFoundException;
import org.huijian.web.Problems;
import org.junit.jupiter.api.Test;

/** A refusal a resource answers itself reads exactly as the same refusal thrown. */
class ProblemsTest {

    @Test
    void anAnsweredRefusalIsTheThrownOnesProblem() throws Exception {
        BookingRefusedException e = new BookingRefusedException("slot-taken", "every position of the centre is taken");
        Response answered = Problems.of(e, "/api/bookings");
        Response thrown = new ProblemMappers.Domain().toResponse(e);
        assertEquals(409, answered.getStatus());
        assertEquals("application/problem+json", answered.getMediaType().toString());
        String json = Json.mapper().writeValueAsString(answered.getEntity());
        assertEquals("{\"type\":\"https://huijian.org/problems/booking-refused\",\"title\":\"" + ((Problem) thrown.getEntity()).title()
                + "\",\"status\":409,\"detail\":\"every position of the centre is taken\",\"instance\":\"/api/bookings\","
                + "\"rule\":\"slot-taken\"}", json);
        assertEquals(thrown.getStatus(), answered.getStatus());
        assertEquals(thrown.getMediaType(), answered.getMediaType());
    }

    @Test
    void otherErrorsKeepTheirStatus() {
        assertEquals(404, Problems.of(new NotFoundException("booking", "7"), "/api/bookings/7").getStatus());
    }
}

package org.huijian.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefusedExceptionTest {

    static final class Refused extends RefusedException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("slot-taken", "every position is taken");
        }
    }

    @Test
    void aRefusalCarriesItsRuleAndMessageButNoStackTrace() {
        Refused r = new Refused();
        assertEquals("slot-taken", r.rule());
        assertEquals("every position is taken", r.getMessage());
        assertEquals("conflict", r.type());
        assertEquals(0, r.getStackTrace().length);
    }

    @Test
    void otherErrorsKeepTheirStackTrace() {
        assertTrue(new ConflictException("code", "taken").getStackTrace().length > 0);
        assertTrue(new NotFoundException("case", "1").getStackTrace().length > 0);
    }
}

package org.huijian.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.huijian.site.CentreSpec;
import org.huijian.site.OpeningPeriod;
import org.junit.jupiter.api.Test;

/** The real JSON binding of the API, and how its errors name the field at fault. */
class JsonErrorsTest {

    private static Problem problemFor(String json, TypeReference<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> Json.mapper().readValue(json, type));
        return ProblemMappers.JsonErrors.of(e, "/api/x");
    }

    private static Problem problemFor(String json) {
        return problemFor(json, new TypeReference<CentreSpec>() { });
    }

    @Test
    void namesTheField() {
        assertEquals("name", problemFor("{\"code\":\"A\",\"name\":[1]}").errors().get(0).field());
        assertEquals("code", problemFor("{\"code\":5,\"name\":\"x\"}").errors().get(0).field(), "no number as text");
        assertEquals("colour", problemFor("{\"code\":\"A\",\"colour\":\"red\"}").errors().get(0).field());
        assertEquals("(body)", problemFor("{\"code\":").errors().get(0).field());
        assertEquals("(body)", problemFor("{} trailing").errors().get(0).field());
    }

    @Test
    void pathsIntoLists() {
        Problem p = problemFor("[{\"day\":\"MONDAY\",\"start\":\"09:30\",\"end\":\"11:30\"},"
                + "{\"day\":\"FUNDAY\",\"start\":\"09:30\",\"end\":\"11:30\"}]", new TypeReference<List<OpeningPeriod>>() { });
        assertEquals("[1].day", p.errors().get(0).field());
        assertEquals(400, p.status());
        assertEquals("https://huijian.org/problems/invalid-input", p.type());
    }

    @Test
    void readsTimesAndEnumsAsTheApiWritesThem() throws Exception {
        List<OpeningPeriod> periods = Json.mapper().readValue("[{\"day\":\"FRIDAY\",\"start\":\"14:00\",\"end\":\"16:30\"}]",
                new TypeReference<List<OpeningPeriod>>() { });
        assertEquals("[{\"day\":\"FRIDAY\",\"start\":\"14:00:00\",\"end\":\"16:30:00\"}]",
                Json.mapper().writeValueAsString(periods));
    }
}

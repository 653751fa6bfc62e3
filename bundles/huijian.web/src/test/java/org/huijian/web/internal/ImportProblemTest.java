package org.huijian.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import org.huijian.core.InvalidInputException;
import org.huijian.directory.ImportError;
import org.huijian.directory.ImportRejectedException;
import org.huijian.web.internal.rest.DirectoryResource;
import org.junit.jupiter.api.Test;

/** How a refused import reads over REST: a 400 problem listing each row's problem with its line and column. */
class ImportProblemTest {

    @Test
    void rowErrorsCarryTheirLineAndColumn() throws Exception {
        ImportRejectedException e = new ImportRejectedException(List.of(
                new ImportError(3, "姓名", "name", "is required"),
                new ImportError(0, null, null, "is larger than 5 MB")), 7);
        Problem p = ProblemMappers.Domain.of(e, "/api/detention-centres/1/detainees/import");
        assertEquals(400, p.status());
        String json = Json.mapper().writeValueAsString(p);
        assertTrue(json.contains("\"errors\":[{\"line\":3,\"column\":\"姓名\",\"field\":\"name\",\"message\":\"is required\"},"
                + "{\"line\":0,\"message\":\"is larger than 5 MB\"}]"), json);
        assertTrue(json.contains("\"errorCount\":7"), json);
        assertTrue(json.contains("\"type\":\"https://huijian.org/problems/invalid-input\""), json);
        assertTrue(json.contains("\"detail\":\"the file has 7 problems; nothing was imported: line 3 name: is required; "
                + "file: is larger than 5 MB; …\""), json);
    }

    @Test
    void otherFieldErrorsAreWrittenAsBefore() throws Exception {
        Problem p = ProblemMappers.Domain.of(new InvalidInputException("code", "is required"), "/api/centres");
        String json = Json.mapper().writeValueAsString(p);
        assertTrue(json.contains("\"errors\":[{\"field\":\"code\",\"message\":\"is required\"}]"), json);
        assertFalse(json.contains("line"), json);
    }

    @Test
    void csvBodiesAreLimitedOnlyWhereTheMethodTakesThem() throws Exception {
        Method importing = DirectoryResource.class.getMethod("importDetainees", long.class, String.class, String.class,
                String.class, java.io.InputStream.class);
        Method creating = DirectoryResource.class.getMethod("createDetainee", org.huijian.directory.DetaineeSpec.class);
        assertTrue(AuthFilter.consumes(importing, AuthFilter.CSV));
        assertTrue(AuthFilter.consumes(importing, javax.ws.rs.core.MediaType.valueOf("text/csv; charset=GB18030")));
        assertFalse(AuthFilter.consumes(creating, AuthFilter.CSV));
        assertFalse(AuthFilter.consumes(null, AuthFilter.CSV));
    }
}

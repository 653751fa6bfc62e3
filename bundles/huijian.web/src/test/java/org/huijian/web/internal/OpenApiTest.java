package org.huijian.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.huijian.web.internal.rest.AccountResource;
import org.huijian.web.internal.rest.DirectoryResource;
import org.huijian.web.internal.rest.HealthResource;
import org.huijian.web.internal.rest.SiteResource;
import org.junit.jupiter.api.Test;

/** The OpenAPI document comes from the resource classes themselves. */
class OpenApiTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> op(Map<String, Object> doc, String path, String verb) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("paths")).get(path)).get(verb);
    }

    @Test
    void describesPathsRolesBodiesAndProblems() {
        Map<String, Object> doc = OpenApi.document(List.of(SiteResource.class, AccountResource.class, HealthResource.class),
                "1.0");
        Map<String, Object> create = op(doc, "/centres", "post");
        assertEquals(List.of("site-admin"), create.get("x-roles"));
        assertTrue(create.toString().contains("#/components/schemas/CentreSpec"));
        Map<?, ?> responses = (Map<?, ?>) create.get("responses");
        assertTrue(responses.keySet().containsAll(List.of("201", "400", "401", "403", "409")), responses.keySet().toString());
        assertEquals(List.of(), op(doc, "/health", "get").get("security"), "public");
        List<?> params = (List<?>) op(doc, "/centres/{id}/hours", "put").get("parameters");
        assertEquals(Map.of("name", "id", "in", "path", "required", true, "schema", Map.of("type", "integer", "format", "int64")),
                params.get(0));
        Map<?, ?> schemas = (Map<?, ?>) ((Map<?, ?>) doc.get("components")).get("schemas");
        assertTrue(schemas.containsKey("OpeningPeriod") && schemas.containsKey("Problem") && schemas.containsKey("AccountView"));
        assertEquals(List.of("site-admin"), op(doc, "/accounts/{username}/lock", "post").get("x-roles"));
    }

    @Test
    void aFileImportTakesItsMediaTypeAndAnswersWithItsCounts() {
        Map<String, Object> doc = OpenApi.document(List.of(DirectoryResource.class), "1.0");
        Map<String, Object> op = op(doc, "/detention-centres/{id}/detainees/import", "post");
        assertEquals(List.of("site-admin"), op.get("x-roles"));
        assertEquals(Map.of("required", true, "content", Map.of("text/csv",
                Map.of("schema", Map.of("type", "string", "format", "binary")))), op.get("requestBody"));
        assertTrue(op.get("responses").toString().contains("#/components/schemas/ImportResult"));
        List<?> params = (List<?>) op.get("parameters");
        assertEquals(List.of("id", "dryRun", "mode", "fileName"), params.stream().map(p -> ((Map<?, ?>) p).get("name")).toList());
        Map<?, ?> schemas = (Map<?, ?>) ((Map<?, ?>) doc.get("components")).get("schemas");
        assertTrue(schemas.get("ImportResult").toString().contains("detaineesCreated"));
        assertTrue(schemas.get("Problem").toString().contains("line") && schemas.get("Problem").toString().contains("errorCount"));
        assertTrue(op(doc, "/detainees", "post").toString().contains("application/json"), "JSON bodies stay JSON");
    }
}

package org.huijian.web.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.huijian.core.InvalidInputException;
import org.huijian.directory.ImportMode;
import org.junit.jupiter.api.Test;

/** The import's query parameters are read strictly: a typo must never turn a preview into an import. */
class DirectoryResourceTest {

    @Test
    void dryRunIsTrueOrFalse() {
        assertTrue(DirectoryResource.dryRun("true"));
        assertTrue(DirectoryResource.dryRun("TRUE"));
        assertFalse(DirectoryResource.dryRun("false"));
        assertFalse(DirectoryResource.dryRun(null), "absent: the import itself");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DirectoryResource.dryRun("ture"));
        assertEquals("dryRun", e.violations().get(0).field());
        assertThrows(InvalidInputException.class, () -> DirectoryResource.dryRun("1"));
    }

    @Test
    void modeIsCreateOrUpdate() {
        assertEquals(ImportMode.CREATE, DirectoryResource.importMode(null));
        assertEquals(ImportMode.CREATE, DirectoryResource.importMode("create"));
        assertEquals(ImportMode.CREATE_OR_UPDATE, DirectoryResource.importMode("Update"));
        assertEquals("mode", assertThrows(InvalidInputException.class,
                () -> DirectoryResource.importMode("replace")).violations().get(0).field());
    }
}

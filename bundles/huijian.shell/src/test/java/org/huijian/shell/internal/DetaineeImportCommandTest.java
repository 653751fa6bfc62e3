package org.huijian.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import org.apache.karaf.shell.support.CommandException;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.store.internal.JpaDirectoryService;
import org.huijian.store.internal.JpaSiteService;
import org.huijian.store.internal.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code huijian:detainee-import} with the real store on a real Derby and real files. */
class DetaineeImportCommandTest {
    static final Actor ADMIN = new Actor("admin", Set.of(Role.SITE_ADMIN), "console");

    @TempDir
    Path dir;
    TestDb t;
    JpaSiteService site;
    JpaDirectoryService directory;
    DetentionCentre dc;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void open() throws SQLException {
        t = new TestDb(dir.resolve("db"));
        site = new JpaSiteService(t.db);
        directory = new JpaDirectoryService(t.db);
        dc = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KSS1", "广州市第一看守所", null, null));
    }

    @AfterEach
    void close() {
        t.close();
    }

    /** The command as the console runs it, acting as {@code actor}; returns what it printed. */
    private String run(Actor actor, String dcCode, String file, boolean dryRun, boolean update) throws Exception {
        DetaineeImportCommand command = new DetaineeImportCommand() {
            @Override
            protected Actor actor() {
                return actor;
            }

            @Override
            protected PrintStream out() {
                return new PrintStream(printed, true, UTF_8);
            }
        };
        command.site = site;
        command.directory = directory;
        command.dcCode = dcCode;
        command.file = file;
        command.dryRun = dryRun;
        command.update = update;
        command.execute();
        return printed.toString(UTF_8);
    }

    private Path file(String name, String text, Charset charset) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    @Test
    void dryRunThenImport() throws Exception {
        Path csv = file("名单.csv", "监所编号,姓名,性别,案件编号,涉嫌罪名,诉讼阶段\nC-1,张三,男,K-1,盗窃罪,侦查\nC-2,李四,女,,,\n",
                Charset.forName("GB18030"));
        String preview = run(ADMIN, "GZ-KSS1", csv.toString(), true, false);
        assertTrue(preview.contains("名单.csv (GB18030)"), preview);
        assertTrue(preview.contains("2 new, 0 updated, 0 unchanged"), preview);
        assertTrue(preview.contains("Dry run"), preview);
        assertEquals(0, directory.detainees(dc.id()).size());

        printed.reset();
        String done = run(ADMIN, "GZ-KSS1", csv.toString(), false, false);
        assertTrue(done.contains("Imported into detention centre GZ-KSS1"), done);
        assertEquals(2, directory.detainees(dc.id()).size());

        printed.reset();
        CommandException again = assertThrows(CommandException.class,
                () -> run(ADMIN, "GZ-KSS1", csv.toString(), false, false));
        assertEquals("名单.csv: 2 problems; nothing was imported", again.getMessage());
        String table = printed.toString(UTF_8);
        assertTrue(table.contains("C-1 is already on file in this detention centre"), table);
        assertTrue(table.contains("监所编号"), "the column as the file names it: " + table);

        printed.reset();
        String updated = run(ADMIN, "GZ-KSS1", csv.toString(), false, true);
        assertTrue(updated.contains("0 new, 0 updated, 2 unchanged"), updated);
    }

    @Test
    void refusalsAreOneLine() throws Exception {
        Path bad = file("bad.csv", "code,name,gender\nX-1,,男\nX-2,某人,?\n", UTF_8);
        CommandException e = assertThrows(CommandException.class, () -> run(ADMIN, "GZ-KSS1", bad.toString(), true, false));
        assertEquals("bad.csv: 2 problems; nothing was imported", e.getMessage());
        String table = printed.toString(UTF_8);
        assertTrue(table.contains("is required") && table.contains("\"?\" is not a gender"), table);

        assertEquals("file: " + dir.resolve("none.csv") + " does not exist", assertThrows(CommandException.class,
                () -> run(ADMIN, "GZ-KSS1", dir.resolve("none.csv").toString(), false, false)).getMessage());
        assertEquals("no detention centre NOPE", assertThrows(CommandException.class,
                () -> run(ADMIN, "NOPE", bad.toString(), false, false)).getMessage());
        Path good = file("good.csv", "code,name,gender\nX-1,某人,男\n", UTF_8);
        String denied = assertThrows(CommandException.class,
                () -> run(ConsoleActor.ANONYMOUS, "GZ-KSS1", good.toString(), false, false)).getMessage();
        assertTrue(denied.startsWith("console may not do this"), denied);
        assertEquals(0, directory.detainees(dc.id()).size());
    }
}

package org.huijian.shell.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.ImportError;
import org.huijian.directory.ImportMode;
import org.huijian.directory.ImportOptions;
import org.huijian.directory.ImportRejectedException;
import org.huijian.directory.ImportResult;
import org.huijian.site.DetentionCentre;
import org.huijian.site.SiteService;

/**
 * Imports a CSV file of detainees and their cases, as the web app's import does (same checks, one audit
 * event). A refused file prints a table of its problems and fails with a one-line reason.
 */
@Service
@Command(scope = "huijian", name = "detainee-import",
        description = "Imports detainees and their cases from a CSV file into a detention centre, all or nothing")
public class DetaineeImportCommand extends HuijianCommand {

    @Reference(optional = true)
    SiteService site;

    @Reference(optional = true)
    DirectoryService directory;

    @Argument(index = 0, name = "dcCode", description = "Detention centre code", required = true)
    @Completion(DetentionCentreCodeCompleter.class)
    String dcCode;

    @Argument(index = 1, name = "file", description = "The CSV file on this server (UTF-8 or GB18030; a relative "
            + "path is taken from the directory Karaf was started in)", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--dry-run", aliases = "-n", description = "Check the file and show what it would do; store nothing")
    boolean dryRun;

    @Option(name = "--update", aliases = "-u",
            description = "Update detainees already on file (and their cases) instead of refusing them")
    boolean update;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        DirectoryService d = need(directory, "the directory service");
        DetentionCentre dc = detentionCentre(s, dcCode);
        Path path;
        try {
            path = path(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw fail("file: " + e.getMessage());
        }
        String name = path.getFileName() == null ? file : path.getFileName().toString();
        ImportResult r;
        try (InputStream in = Files.newInputStream(path)) {
            r = d.importDetainees(actor(), dc.id(), in,
                    new ImportOptions(name, update ? ImportMode.CREATE_OR_UPDATE : ImportMode.CREATE, dryRun));
        } catch (NoSuchFileException e) {
            throw fail("file: " + path + " does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw fail("file: " + path + " cannot be read (permissions)");
        } catch (java.io.IOException e) {
            throw fail("file: " + path + " cannot be read: " + e.getMessage());
        } catch (ImportRejectedException e) {
            ShellTable table = new ShellTable();
            table.column("Line");
            table.column("Column");
            table.column("Problem");
            for (ImportError x : e.errors()) {
                table.addRow().addContent(x.line() == 0 ? "file" : x.line(),
                        x.column() != null ? x.column() : Texts.or(x.field(), ""), x.message());
            }
            table.print(out());
            if (e.errorCount() > e.errors().size()) {
                out().println("… and " + (e.errorCount() - e.errors().size()) + " more");
            }
            throw fail(name + ": " + (e.errorCount() == 1 ? "1 problem" : e.errorCount() + " problems")
                    + "; nothing was imported");
        }
        ShellTable table = new ShellTable().noHeaders();
        table.column("Item");
        table.column("Value");
        table.addRow().addContent("File", name + " (" + r.encoding() + ")");
        table.addRow().addContent("Detention centre", dc.code());
        table.addRow().addContent("Rows", r.rows());
        table.addRow().addContent("Detainees", r.detaineesCreated() + " new, " + r.detaineesUpdated() + " updated, "
                + r.detaineesUnchanged() + " unchanged");
        table.addRow().addContent("Cases", r.casesCreated() + " new, " + r.casesUpdated() + " updated, "
                + r.casesUnchanged() + " unchanged");
        table.print(out());
        out().println(r.dryRun() ? "Dry run: the file is fine and nothing was stored; run again without --dry-run "
                + "to import it" : "Imported into detention centre " + dc.code());
    }

    /** The file, with {@code ~} for the home directory; relative to the working directory. */
    static Path path(String file) {
        String f = file.strip();
        if (f.equals("~") || f.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + f.substring(1));
        }
        return Path.of(f).toAbsolutePath();
    }
}

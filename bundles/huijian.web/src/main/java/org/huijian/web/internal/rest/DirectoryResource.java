package org.huijian.web.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.AUDITOR;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.directory.Case;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.ImportMode;
import org.huijian.directory.ImportOptions;
import org.huijian.directory.ImportResult;
import org.huijian.directory.LawFirm;
import org.huijian.directory.LawFirmSpec;
import org.huijian.directory.Lawyer;
import org.huijian.directory.LawyerSpec;
import org.huijian.web.Allow;
import org.huijian.web.WebPrincipal;

/**
 * Law firms, lawyers, detainees and cases. Detainees' personal data and their cases are readable only by
 * the roles that handle them; a lawyer reads their own record through {@code /me/lawyer}.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow({ SITE_ADMIN, APPROVER, SUPERVISOR })
public class DirectoryResource {
    private final DirectoryService directory;

    @Context
    SecurityContext security;

    public DirectoryResource(DirectoryService directory) {
        this.directory = directory;
    }

    @GET
    @Path("law-firms")
    @Allow({ SITE_ADMIN, APPROVER, SUPERVISOR, AUDITOR, LAWYER })
    public List<LawFirm> lawFirms() {
        return directory.lawFirms();
    }

    @POST
    @Path("law-firms")
    @Allow(SITE_ADMIN)
    public Response createLawFirm(LawFirmSpec spec) {
        LawFirm f = directory.createLawFirm(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("law-firms/" + f.id())).entity(f).build();
    }

    @GET
    @Path("lawyers")
    public List<Lawyer> lawyers() {
        return directory.lawyers();
    }

    @GET
    @Path("lawyers/{id}")
    public Lawyer lawyer(@PathParam("id") long id) {
        return directory.lawyer(id);
    }

    @POST
    @Path("lawyers")
    @Allow(SITE_ADMIN)
    public Response createLawyer(LawyerSpec spec) {
        Lawyer l = directory.createLawyer(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("lawyers/" + l.id())).entity(l).build();
    }

    @GET
    @Path("me/lawyer")
    @Allow(LAWYER)
    public Lawyer me() {
        Long lawyerId = ((WebPrincipal) security.getUserPrincipal()).lawyerId();
        if (lawyerId == null) {
            throw new NotFoundException("lawyer", "of account " + security.getUserPrincipal().getName());
        }
        return directory.lawyer(lawyerId);
    }

    @GET
    @Path("detention-centres/{id}/detainees")
    public List<Detainee> detainees(@PathParam("id") long detentionCentreId) {
        return directory.detainees(detentionCentreId);
    }

    @GET
    @Path("detainees/{id}")
    public Detainee detainee(@PathParam("id") long id) {
        return directory.detainee(id);
    }

    @POST
    @Path("detainees")
    @Allow(SITE_ADMIN)
    public Response createDetainee(DetaineeSpec spec) {
        Detainee d = directory.createDetainee(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("detainees/" + d.id())).entity(d).build();
    }

    @GET
    @Path("detainees/{id}/cases")
    public List<Case> cases(@PathParam("id") long detaineeId) {
        return directory.cases(detaineeId);
    }

    @POST
    @Path("cases")
    @Allow(SITE_ADMIN)
    public Response createCase(CaseSpec spec) {
        Case c = directory.createCase(Params.actor(security), Params.body(spec));
        return Response.created(URI.create("cases/" + c.id())).entity(c).build();
    }

    /**
     * Imports detainees and their cases from a CSV file sent as the body ({@code text/csv}), all or nothing;
     * see {@link DirectoryService#importDetainees}. {@code dryRun=true} checks and counts without storing;
     * {@code mode=update} updates detainees already on file instead of refusing them.
     */
    @POST
    @Path("detention-centres/{id}/detainees/import")
    @Consumes("text/csv")
    @Allow(SITE_ADMIN)
    public ImportResult importDetainees(@PathParam("id") long detentionCentreId, @QueryParam("dryRun") String dryRun,
            @QueryParam("mode") String mode, @QueryParam("fileName") String fileName, InputStream csv) {
        return directory.importDetainees(Params.actor(security), detentionCentreId, csv,
                new ImportOptions(fileName, importMode(mode), dryRun(dryRun)));
    }

    /** Strictly {@code true} or {@code false} (absent: false), so that a typo never turns a preview into an import. */
    static boolean dryRun(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException("dryRun", "must be true or false");
    }

    static ImportMode importMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return ImportMode.CREATE;
        }
        return switch (mode.strip().toLowerCase(Locale.ROOT)) {
        case "create" -> ImportMode.CREATE;
        case "update" -> ImportMode.CREATE_OR_UPDATE;
        default -> throw new InvalidInputException("mode", "must be create or update");
        };
    }
}

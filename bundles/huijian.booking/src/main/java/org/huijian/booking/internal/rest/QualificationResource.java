package org.huijian.booking.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;

import java.net.URI;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.accounts.AccountService;
import org.huijian.booking.LawyerRegistration;
import org.huijian.booking.Qualification;
import org.huijian.booking.QualificationService;
import org.huijian.booking.QualificationReview;
import org.huijian.directory.DirectoryService;
import org.huijian.web.Allow;
import org.huijian.web.Public;
import org.huijian.web.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Lawyers register themselves; approvers review them. */
@Component(service = RestResource.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow({ APPROVER, SITE_ADMIN })
public class QualificationResource implements RestResource {
    private final QualificationService qualifications;
    private final AccountService accounts;
    private final DirectoryService directory;

    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @Activate
    public QualificationResource(@Reference QualificationService qualifications, @Reference AccountService accounts,
            @Reference DirectoryService directory) {
        this.qualifications = qualifications;
        this.accounts = accounts;
        this.directory = directory;
    }

    @POST
    @Path("registrations")
    @Public
    public Response register(LawyerRegistration registration) {
        Qualification q = qualifications.register(Bodies.body(registration), "web " + request.getRemoteAddr());
        return Response.created(URI.create("qualifications/" + q.lawyerId())).entity(q).build();
    }

    @GET
    @Path("registrations/law-firms")
    @Public
    public List<Bodies.FirmChoice> firms() {
        return directory.lawFirms().stream().map(f -> new Bodies.FirmChoice(f.id(), f.name())).toList();
    }

    @GET
    @Path("me/qualification")
    @Allow(LAWYER)
    public Qualification mine() {
        return qualifications.qualification(Bodies.ownLawyer(accounts, security));
    }

    @GET
    @Path("qualifications/pending")
    public List<QualificationReview> pending() {
        return qualifications.pending(Bodies.actor(security)).stream()
                .map(q -> qualifications.review(Bodies.actor(security), q.lawyerId())).toList();
    }

    @POST
    @Path("qualifications/{lawyerId}/verify")
    public Qualification verify(@PathParam("lawyerId") long lawyerId, Bodies.Note body) {
        return qualifications.verify(Bodies.actor(security), lawyerId, body == null ? null : body.note());
    }

    @POST
    @Path("qualifications/{lawyerId}/suspend")
    public Qualification suspend(@PathParam("lawyerId") long lawyerId, Bodies.Reason body) {
        return qualifications.suspend(Bodies.actor(security), lawyerId, Bodies.body(body).reason());
    }
}

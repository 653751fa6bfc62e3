package org.huijian.booking.internal.rest;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.io.InputStream;
import java.net.URI;
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
import org.huijian.booking.Document;
import org.huijian.booking.DocumentKind;
import org.huijian.booking.DocumentService;
import org.huijian.core.Checks;
import org.huijian.core.InvalidInputException;
import org.huijian.web.Allow;
import org.huijian.web.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Uploads: the file is the request body, as it is (any Content-Type; the type is sniffed from the content),
 * with its kind and name as query parameters.
 */
@Component(service = RestResource.class)
@Path("documents")
@Allow({ LAWYER, SITE_ADMIN, APPROVER })
public class DocumentResource implements RestResource {
    private final DocumentService documents;

    @Context
    SecurityContext security;

    @Activate
    public DocumentResource(@Reference DocumentService documents) {
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("kind") String kind, @QueryParam("fileName") String fileName,
            @QueryParam("lawyerId") Long lawyerId, InputStream content) {
        new Checks().required("kind", kind).done();
        DocumentKind k;
        try {
            k = DocumentKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "must be one of " + java.util.Arrays.toString(DocumentKind.values()));
        }
        Document d = documents.store(Bodies.actor(security), lawyerId, k, fileName, content);
        return Response.created(URI.create("documents/" + d.id())).entity(d).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Allow({ LAWYER, SITE_ADMIN, APPROVER, SUPERVISOR })
    public Document document(@PathParam("id") long id) {
        return documents.document(Bodies.actor(security), id);
    }

    @GET
    @Path("{id}/content")
    @Produces({ "application/pdf", "image/jpeg", "image/png" })
    @Allow({ LAWYER, SITE_ADMIN, APPROVER, SUPERVISOR })
    public Response content(@PathParam("id") long id) {
        Document d = documents.document(Bodies.actor(security), id);
        byte[] bytes = documents.content(Bodies.actor(security), id);
        return Response.ok(bytes, d.mediaType()).header("Content-Disposition", "inline")
                .header("Cache-Control", "private, no-store").build();
    }
}

package org.proxyfund.operator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.web.Pages;

/** The operator's home: account state, endpoints, payout address; uptime and earnings come later. */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("operator")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Account account);
    }

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        Account a = Account.findById(viewer.require().accountId());
        return pages.page(Templates.dashboard(a));
    }
}

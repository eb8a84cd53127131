package org.proxyfund.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The site's own page for an HTTP error on a page (not the API, whose errors are problem details): 400, 404, 405,
 * 413, 415 and 500 in the visitor's language, inside the usual layout, instead of the framework's English text or an
 * empty body.
 */
@ApplicationScoped
public class ErrorPages {

    @Inject
    Pages pages;

    @Location("web/error")
    Template page;

    /** The error page for {@code status} as HTML. */
    public String render(int status) {
        return pages.page(page.data("status", status)).render();
    }

    /**
     * The error page for an answer written outside any resource (no request scope, so no signed-in visitor: the
     * layout shows the anonymous navigation), in the request's language.
     */
    public String renderBare(int status, io.vertx.ext.web.RoutingContext request) {
        java.util.Locale locale = Pages.localeOf(request);
        return page.data("status", status).data("bare", true).data("lang", locale.getLanguage())
                .data("path", request.request().path()).setLocale(locale).render();
    }
}

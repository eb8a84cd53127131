package org.proxyfund.web;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/** Prepares every page for rendering: the visitor's language and the data the layout needs. */
@ApplicationScoped
public class Pages {

    static final String LANG_COOKIE = "lang";

    @Inject
    RoutingContext request;

    /** Adds locale, language and current path to a page template. */
    public TemplateInstance page(TemplateInstance template) {
        Locale locale = locale();
        return template.setLocale(locale)
                .data("lang", locale.getLanguage())
                .data("path", request.request().path());
    }

    /**
     * The visitor's language: {@code ?lang=} (remembered in a cookie), then the cookie, then
     * Accept-Language, then English.
     */
    public Locale locale() {
        String chosen = request.request().getParam("lang");
        if (SupportedLocales.isSupported(chosen)) {
            Cookie cookie = Cookie.cookie(LANG_COOKIE, chosen).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setMaxAge(365L * 24 * 3600);
            request.response().addCookie(cookie);
        }
        return localeOf(request);
    }

    /** The language of a request as {@link #locale()} chooses it, without remembering a {@code ?lang=} choice. */
    static Locale localeOf(RoutingContext request) {
        String chosen = request.request().getParam("lang");
        if (SupportedLocales.isSupported(chosen)) {
            return Locale.forLanguageTag(chosen);
        }
        Cookie cookie = request.request().getCookie(LANG_COOKIE);
        if (cookie != null && SupportedLocales.isSupported(cookie.getValue())) {
            return Locale.forLanguageTag(cookie.getValue());
        }
        return SupportedLocales.fromAcceptLanguage(request.request().getHeader("Accept-Language"));
    }
}

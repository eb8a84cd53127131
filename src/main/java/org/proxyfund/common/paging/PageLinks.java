package org.proxyfund.common.paging;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Links to a page's neighbours, keeping the request's other query parameters (a state filter, the language): for
 * pages (newest, newer, older) and for the API as an RFC 8288 {@code Link} header ({@code rel="next"} = older,
 * {@code rel="prev"} = newer, {@code rel="first"}).
 */
public record PageLinks(String newest, String newer, String older) {

    public static PageLinks of(UriInfo uri, Page<?> page) {
        return new PageLinks(page.notFirst() ? link(uri, null, null) : null,
                page.newer() == null ? null : link(uri, null, page.newer()),
                page.older() == null ? null : link(uri, page.older(), null));
    }

    /** The Link header value, or null when this page is the only one. */
    public String header() {
        List<String> parts = new ArrayList<>();
        if (older != null) {
            parts.add("<" + older + ">; rel=\"next\"");
        }
        if (newer != null) {
            parts.add("<" + newer + ">; rel=\"prev\"");
        }
        if (newest != null) {
            parts.add("<" + newest + ">; rel=\"first\"");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    public boolean any() {
        return newest != null || newer != null || older != null;
    }

    private static String link(UriInfo uri, Long before, Long after) {
        UriBuilder b = uri.getRequestUriBuilder().replaceQueryParam("before").replaceQueryParam("after");
        if (before != null) {
            b.queryParam("before", before);
        }
        if (after != null) {
            b.queryParam("after", after);
        }
        URI u = b.build();
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
}

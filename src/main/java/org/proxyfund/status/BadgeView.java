package org.proxyfund.status;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An endpoint's badge as its operator sees it.
 *
 * @param publicId the badge's unguessable id (32 hex digits), null when the endpoint publishes no badge
 * @param path     the badge's address on this site, null when none is published
 */
public record BadgeView(long endpointId, @Schema(nullable = true) String publicId, @Schema(nullable = true) String path) {

    static BadgeView of(long endpointId, String publicId) {
        return new BadgeView(endpointId, publicId, publicId == null ? null : "/badge/" + publicId + ".svg");
    }

    public boolean published() {
        return publicId != null;
    }
}

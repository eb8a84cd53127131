package org.proxyfund.endpoint;

import io.quarkus.qute.TemplateExtension;

/** {@code {proto:name(code)}} in templates: a stored type code (HTTP_CONNECT) as its protocol's name (HTTP CONNECT). */
@TemplateExtension(namespace = "proto")
public final class ProtocolNames {

    private ProtocolNames() {
    }

    static String name(String code) {
        return EndpointType.labelOf(code);
    }
}

package org.proxyfund.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.proxyfund.common.problem.Problem;

import java.util.List;

/** The {@code Problem} and {@code FieldError} schemas of the document: the one error shape of the API (docs/api.md). */
final class ProblemSchemas {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    private ProblemSchemas() {
    }

    static void addTo(Components components) {
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One input field at fault.")
                .addProperty("field", string("The field as the request spells it (port, protocolFields.cipher, body)."))
                .addProperty("code", string("A stable dotted code (endpoint.port.range)."))
                .addProperty("message", string("An English sentence: what is wrong and what is allowed."))
                .required(List.of("field", "code", "message")).additionalPropertiesBoolean(false));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, the body of every error answer (media type " + Problem.MEDIA_TYPE + ").")
                .addProperty("type", string("https://proxyfund.org/problems/<code>").format("uri"))
                .addProperty("title", string("The reason phrase of the status."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("An English sentence about this occurrence."))
                .addProperty("code", string("A stable dotted code clients match on (endpoint.duplicate)."))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("The fields at fault; only for input problems.")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .required(List.of("type", "title", "status", "detail", "code")).additionalPropertiesBoolean(false));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}

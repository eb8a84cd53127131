package org.proxyfund.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.events.OperatorEventType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type a subscription can receive is documented in /q/openapi as a callback with its versioned body schema. */
@QuarkusTest
class WebhookEventsDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldDocumentEveryEventTypeAsACallbackOfTheSubscriptionWithItsBodySchema() {
        JsonPath doc = JsonPath.from(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, Object> callbacks = doc.getMap("paths.'/api/v1/webhooks'.post.callbacks");
        assertNotNull(callbacks, "callbacks on POST /api/v1/webhooks");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        for (OperatorEventType type : OperatorEventType.values()) {
            Map<String, Object> cb = (Map<String, Object>) callbacks.get(type.wireName());
            assertNotNull(cb, "callback " + type.wireName() + " in " + callbacks.keySet());
            Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) cb.get("{$request.body#/url}")).get("post");
            String ref = (String) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    post.get("requestBody")).get("content")).get("application/json")).get("schema")).get("$ref");
            Map<String, Object> event = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            assertNotNull(event, ref + " resolves");
            Map<String, Object> props = (Map<String, Object>) event.get("properties");
            assertEquals(List.of("createdAt", "data", "id", "type", "version"), props.keySet().stream().sorted().toList());
            assertEquals(List.of(type.wireName()), ((Map<String, Object>) props.get("type")).get("enum"));
            String dataRef = (String) ((Map<String, Object>) props.get("data")).get("$ref");
            Map<String, Object> data = (Map<String, Object>) schemas.get(dataRef.substring(dataRef.lastIndexOf('/') + 1));
            assertNotNull(data, dataRef + " resolves");
            assertTrue(((List<String>) data.get("required")).containsAll(((Map<String, Object>) data.get("properties")).keySet()),
                    "every field of " + dataRef + " is written");
        }
    }
}

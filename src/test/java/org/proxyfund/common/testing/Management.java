package org.proxyfund.common.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.net.URI;

/**
 * The management interface (health, metrics) of the service under test, which answers on a port of its own, not the
 * site's: REST Assured aimed at it, with the same paths as before ({@code /q/health/ready}, {@code /q/metrics}).
 */
public final class Management {

    private Management() {
    }

    /** {@code http://host:port} of the management interface. */
    public static String origin() {
        URI u = URI.create(TestHTTPResourceManager.getManagementUri());
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    public static RequestSpecification given() {
        return RestAssured.given().baseUri(origin()).port(-1);
    }
}

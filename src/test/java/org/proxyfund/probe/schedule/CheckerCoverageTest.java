package org.proxyfund.probe.schedule;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.probe.Checker;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** In the running application, every protocol an operator can register has exactly one real checker. */
@QuarkusTest
class CheckerCoverageTest {

    @Inject
    @Any
    Instance<Checker> beans;

    @Test
    void shouldHaveExactlyOneCheckerForEveryEndpointTypeAndNoWeakFallbackAmongThem() {
        Checkers checkers = new Checkers(beans);
        List<EndpointType> missing = Arrays.stream(EndpointType.values()).filter(t -> !checkers.supports(t)).toList();
        assertEquals(List.of(), missing, "endpoint types without a checker");
        assertEquals(EndpointType.values().length, beans.stream().count());
        beans.forEach(c -> assertFalse(c.getClass().getSimpleName().startsWith("TcpConnect"), c.getClass().getName()));
    }
}

package org.proxyfund.probe.schedule;

import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;

import java.util.EnumMap;
import java.util.Map;

/** The checker of each endpoint type; a type without one yields UNKNOWN, never DOWN. */
public class Checkers {

    private final Map<EndpointType, Checker> byType = new EnumMap<>(EndpointType.class);

    public Checkers(Iterable<? extends Checker> checkers) {
        for (Checker checker : checkers) {
            Checker previous = byType.putIfAbsent(checker.type(), checker);
            if (previous != null) {
                throw new IllegalStateException("Two checkers claim " + checker.type() + ": "
                        + previous.getClass().getName() + " and " + checker.getClass().getName());
            }
        }
    }

    /** Runs the type's checker, or UNKNOWN when there is none yet. */
    public CheckResult check(EndpointType type, CheckTarget target) {
        Checker checker = byType.get(type);
        return checker == null ? CheckResult.unknown(Detail.of("no_checker")) : checker.check(target);
    }

    /** Whether a checker exists for the type. */
    public boolean supports(EndpointType type) {
        return byType.containsKey(type);
    }
}

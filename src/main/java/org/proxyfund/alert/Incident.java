package org.proxyfund.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * The debounce of one endpoint's outages, as a pure state machine (no clock, no database): fed each honest check in
 * order, it says when to alert. An outage is confirmed after {@code downAfterChecks} failed checks in a row spanning
 * at least {@code downAfter}; then one DOWN alert, and one RECOVERED alert after {@code upAfterChecks} good checks in a
 * row. A failure streak broken by a good check before it is confirmed (a flapping endpoint) alerts nothing. Checks inside a
 * declared maintenance window neither start nor confirm an outage, and a recovery inside one waits for the window's end;
 * so a window that saw no alert is followed by no RECOVERED either.
 *
 * @param state       where the endpoint stands
 * @param fails       failed checks in a row counted towards an outage (outside maintenance)
 * @param firstFailAt the first of them (null with none)
 * @param ups         good checks in a row counted towards a recovery (while DOWN)
 */
public record Incident(State state, int fails, Instant firstFailAt, int ups) {

    /** UP: nothing alerted (failures may be counting); DOWN: the DOWN alert went out, a RECOVERED is owed. */
    public enum State { UP, DOWN }

    /** What one check calls for. */
    public enum Alert { NONE, DOWN, RECOVERED }

    /** The thresholds (proxyfund.alert.*). */
    public record Rules(int downAfterChecks, Duration downAfter, int upAfterChecks) {
        public Rules {
            if (downAfterChecks < 1 || upAfterChecks < 1 || downAfter.isNegative()) {
                throw new IllegalArgumentException("thresholds must be positive: " + downAfterChecks + ", " + downAfter + ", " + upAfterChecks);
            }
        }
    }

    /** The new state and the alert to send, if any. */
    public record Step(Incident next, Alert alert) {
    }

    public static final Incident FRESH = new Incident(State.UP, 0, null, 0);

    /** Feeds one honest check (UP or DOWN; UNKNOWN results are not fed) taken at {@code at}. */
    public Step on(boolean up, Instant at, boolean inMaintenance, Rules rules) {
        if (state == State.UP) {
            if (up || inMaintenance) {
                return new Step(FRESH, Alert.NONE);
            }
            int n = fails + 1;
            Instant first = firstFailAt == null ? at : firstFailAt;
            if (n >= rules.downAfterChecks() && !Duration.between(first, at).minus(rules.downAfter()).isNegative()) {
                return new Step(new Incident(State.DOWN, 0, null, 0), Alert.DOWN);
            }
            return new Step(new Incident(State.UP, n, first, 0), Alert.NONE);
        }
        if (!up) {
            return new Step(new Incident(State.DOWN, 0, null, 0), Alert.NONE);
        }
        if (inMaintenance) {
            return new Step(this, Alert.NONE);
        }
        int n = ups + 1;
        if (n >= rules.upAfterChecks()) {
            return new Step(FRESH, Alert.RECOVERED);
        }
        return new Step(new Incident(State.DOWN, 0, null, n), Alert.NONE);
    }
}

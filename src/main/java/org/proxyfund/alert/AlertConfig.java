package org.proxyfund.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When an outage becomes an alert, and how the scanner follows the check results (proxyfund.alert.*). */
@ConfigMapping(prefix = "proxyfund.alert")
public interface AlertConfig {

    /** Whether the scanner runs (it follows every check result; off, no endpoint alert is raised). */
    @WithDefault("true")
    boolean enabled();

    /** How often the scanner reads the new check results. */
    @WithDefault("30s")
    Duration poll();

    /** Results younger than this wait for the next read (a monitor's batch committed late is not skipped). */
    @WithDefault("10s")
    Duration settle();

    /** Results one read takes at most. */
    @WithDefault("5000")
    int batch();

    /** Failed checks in a row before an outage is confirmed and alerted. */
    @WithDefault("3")
    int downAfterChecks();

    /** The least time from an outage's first failed check to the check that confirms it. */
    @WithDefault("2m")
    Duration downAfter();

    /** Good checks in a row after which a confirmed outage is over (RECOVERED). */
    @WithDefault("2")
    int upAfterChecks();

    /** An endpoint without a check result for this long is alerted as stale (once, until results come again). */
    @WithDefault("15m")
    Duration staleAfter();

    /** When the daily digests go out (a cron expression, UTC). */
    @WithDefault("0 0 6 * * ?")
    String digestCron();

    default Incident.Rules rules() {
        return new Incident.Rules(downAfterChecks(), downAfter(), upAfterChecks());
    }
}

package org.proxyfund.trial;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Whether trial mode is on: asked for by configuration ({@code proxyfund.trial.enabled}, the dev profile) and allowed
 * only outside the prod profile and on regtest, so a production deployment cannot switch it on by a stray variable.
 */
@ApplicationScoped
public class TrialMode {

    private static final Logger LOG = Logger.getLogger(TrialMode.class);

    private final boolean on;

    @Inject
    TrialMode(TrialConfig config, @ConfigProperty(name = "proxyfund.bitcoin.network", defaultValue = "regtest") String network) {
        this.on = allowed(config.enabled(), ConfigUtils.getProfiles(), network);
        if (config.enabled() && !on) {
            LOG.warnf("proxyfund.trial.enabled is ignored: trial mode runs only outside the prod profile and on regtest"
                    + " (profiles %s, network %s)", ConfigUtils.getProfiles(), network);
        }
    }

    /** The rule: asked for, no prod profile among the active ones, and the regtest network. */
    static boolean allowed(boolean asked, List<String> profiles, String network) {
        return asked && !profiles.contains("prod") && "regtest".equalsIgnoreCase(network);
    }

    public boolean on() {
        return on;
    }

    /** Every trial path starts here: outside trial mode it does not exist (404). */
    void require() {
        if (!on) {
            throw new NotFoundException();
        }
    }

    /** For the layout's banner on every page. */
    @TemplateGlobal
    static boolean trialMode() {
        return Arc.container().instance(TrialMode.class).get().on();
    }
}

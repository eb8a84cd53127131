package org.proxyfund.trial;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Trial mode of {@code ./run} (proxyfund.trial.*): banner, first admin, trial console. Never on in the prod profile. */
@ConfigMapping(prefix = "proxyfund.trial")
public interface TrialConfig {

    /**
     * Trial mode: on in the dev profile. Refused (stays off, with a warning) in the prod profile and on any network but
     * regtest, whatever this says.
     */
    @WithDefault("false")
    boolean enabled();

    /** Handle of the admin account trial mode creates on its first start (its password is logged once). */
    @WithDefault("trial-admin")
    String adminHandle();

    /** JSON-RPC of the bcoin node the console pays and mines with; unset: the local node of ./run (tests point it elsewhere). */
    Optional<String> nodeRpcUrl();

    /** API key (HTTP basic password) of that node; unset: the local node's. */
    Optional<String> nodeApiKey();

    /**
     * The SOCKS5 server trial mode runs for local endpoints (looked up on the PATH; Debian/Ubuntu package microsocks,
     * started as {@code microsocks -i host -p port -u user -P password}).
     */
    @WithDefault("microsocks")
    String proxyProgram();
}

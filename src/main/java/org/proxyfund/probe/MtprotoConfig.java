package org.proxyfund.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** MTProto check settings (proxyfund.probe.mtproto.*); timeouts come from {@link ProbeConfig}. */
@ConfigMapping(prefix = "proxyfund.probe.mtproto")
public interface MtprotoConfig {

    /**
     * Telegram data centre the proxy is asked to reach (1..5 in production; the proxy maps the id to its own list of
     * Telegram addresses, the monitor never contacts Telegram itself).
     */
    @WithDefault("2")
    short dcId();

    /** Largest reply frame accepted from the proxy; a resPQ is about 100 bytes, anything far larger is not one. */
    @WithDefault("4096")
    int maxReplyBytes();
}

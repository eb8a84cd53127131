package org.proxyfund.probe.mtproto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.proxyfund.probe.ProbeConfig;

import java.util.List;

/**
 * MTProto check settings (proxyfund.probe.mtproto.*); timeouts come from {@link ProbeConfig}. Read also by
 * relay/TelegramTargets, whose user-target proofs use the same Telegram keys and reply limit.
 */
@ConfigMapping(prefix = "proxyfund.probe.mtproto")
public interface MtprotoConfig {

    /**
     * Telegram data centre the proxy is asked to reach (1..5 in production; the proxy maps the id to its own list of
     * Telegram addresses, the monitor never contacts Telegram itself).
     */
    @WithDefault("2")
    short dcId();

    /** Largest reply frame accepted from the proxy (a resPQ is about 100 bytes, a server_DH_params_ok about 650). */
    @WithDefault("4096")
    int maxReplyBytes();

    /**
     * Telegram's RSA public keys, each the base64 of its PKCS#1 DER (the body of "BEGIN RSA PUBLIC KEY"). The DC must
     * list one in resPQ and prove it holds the private key. Default: the production key from my.telegram.org
     * (fingerprint 0xd09d1d85de64fd85).
     */
    @WithDefault("MIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO"
            + "62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/+aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9"
            + "t6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB")
    List<String> serverPublicKeys();
}

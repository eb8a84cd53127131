package org.proxyfund.common.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Keys for encrypting secrets at rest (proxyfund.secrets.*). */
@ConfigMapping(prefix = "proxyfund.secrets")
public interface SecretsConfig {

    /** Current AES-256 key, base64 of 32 bytes (k8s Secret ENCRYPTION_KEY). Unset: the key file is used. */
    Optional<String> key();

    /** Earlier keys (base64), still accepted for decryption after a rotation. */
    Optional<List<String>> previousKeys();

    /** Where a generated key is kept when no key is configured (created once, mode 0600). */
    @WithDefault(".proxyfund/secrets.key")
    String keyFile();

    /** Refuse to start without a configured key (production: true, so a lost generated key cannot orphan secrets). */
    @WithDefault("false")
    boolean requireKey();
}

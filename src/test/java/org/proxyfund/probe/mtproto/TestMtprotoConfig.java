package org.proxyfund.probe.mtproto;

import java.util.List;

/** MTProto check settings for tests that build the checker directly: trusts the test DC's key and Telegram's. */
record TestMtprotoConfig(short dcId, int maxReplyBytes, List<String> serverPublicKeys) implements MtprotoConfig {

    /** Telegram's production key, as in MtprotoConfig's default. */
    static final String TELEGRAM_PRODUCTION_KEY = "MIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g"
            + "5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/"
            + "+aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9t6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs"
            + "5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB";

    TestMtprotoConfig(short dcId) {
        this(dcId, 4096, List.of(TestDhResponder.publicKeyBase64(), TELEGRAM_PRODUCTION_KEY));
    }
}

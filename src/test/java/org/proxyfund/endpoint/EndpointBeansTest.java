package org.proxyfund.endpoint;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.wallet.address.AddressType;
import org.proxyfund.wallet.address.PayoutAddressValidator;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library beans as the running application wires them: test-profile allowlist, generated key, regtest. */
@QuarkusTest
class EndpointBeansTest {

    @Inject
    EndpointValidator validator;
    @Inject
    HostGuard guard;
    @Inject
    CredentialIssuer issuer;
    @Inject
    SecretCipher cipher;
    @Inject
    PayoutAddressValidator addresses;

    @Test
    void shouldAllowLoopbackInTestsThroughTheConfiguredAllowlistOnly() {
        assertTrue(guard.check("127.0.0.1").allowed());
        assertFalse(guard.check("10.0.0.1").allowed());
        EndpointDraft draft = new EndpointDraft(EndpointType.SOCKS5, "127.0.0.1", 1080, "RU", Map.of());
        assertEquals(0, validator.validateAndGuard(draft).size());
        EndpointDraft privateHost = new EndpointDraft(EndpointType.SOCKS5, "192.168.1.10", 1080, "RU", Map.of());
        assertEquals("endpoint.host.refused.private", validator.validateAndGuard(privateHost).get(0).code());
    }

    @Test
    void shouldStoreAnIssuedCredentialEncryptedAndReadItBack() {
        EndpointDraft draft = new EndpointDraft(EndpointType.SHADOWSOCKS, "127.0.0.1", 8388, "IR", Map.of("cipher", "aes-256-gcm"));
        MonitorCredential credential = issuer.issue(EndpointType.SHADOWSOCKS, draft);
        String stored = cipher.encrypt(credential.encode(), "endpoint:1");
        assertFalse(stored.contains(credential.get(MonitorCredential.PASSWORD).orElseThrow()));
        assertEquals(credential, MonitorCredential.decode(cipher.decrypt(stored, "endpoint:1")));
    }

    @Test
    void shouldValidatePayoutAddressesForTheConfiguredRegtestNetwork() {
        assertEquals(AddressType.P2WPKH, addresses.validate("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080").type());
        assertFalse(addresses.validate("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").valid());
    }
}

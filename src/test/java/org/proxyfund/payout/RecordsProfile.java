package org.proxyfund.payout;

import org.proxyfund.wallet.testing.WalletTestProfile;

import java.util.Map;

/** The wallet test profile with a block explorer configured, as an installation on a network with one would have. */
public class RecordsProfile extends WalletTestProfile {

    static final String TX_URL = "https://explorer.example/regtest/tx/";
    static final String ADDRESS_URL = "https://explorer.example/regtest/address/";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("proxyfund.explorer.tx-url", TX_URL + "{txid}", "proxyfund.explorer.address-url", ADDRESS_URL + "{address}");
    }
}

package org.proxyfund.wallet;

/** The Bitcoin network this installation pays and receives on; everything that reads or writes an address uses it. */
public enum BitcoinNetwork {
    MAINNET(org.bitcoinj.base.BitcoinNetwork.MAINNET),
    TESTNET(org.bitcoinj.base.BitcoinNetwork.TESTNET),
    SIGNET(org.bitcoinj.base.BitcoinNetwork.SIGNET),
    REGTEST(org.bitcoinj.base.BitcoinNetwork.REGTEST);

    private final org.bitcoinj.base.BitcoinNetwork bitcoinj;

    BitcoinNetwork(org.bitcoinj.base.BitcoinNetwork bitcoinj) {
        this.bitcoinj = bitcoinj;
    }

    /** bitcoinj's view of the same network; for use inside the wallet package only. */
    public org.bitcoinj.base.BitcoinNetwork bitcoinj() {
        return bitcoinj;
    }
}

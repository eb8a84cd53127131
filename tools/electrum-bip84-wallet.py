#!/usr/bin/python3
# Makes an offline Electrum wallet file from a BIP-39 mnemonic (read from stdin, never from the command line) as
# Electrum's own "BIP39 seed" restore does: Electrum's library derives the BIP-84 account m/84'/1'/0' (testnet and
# regtest) or m/84'/0'/0' (mainnet), single-sig native segwit. Electrum's command line cannot restore a BIP-39 seed
# itself. Tests then sign PSBTs with `electrum --offline -w <file> signtransaction`.
# Usage: tools/electrum-bip84-wallet.py <wallet-file> <mainnet|testnet|regtest> < mnemonic
# Prints the master fingerprint, the account path and the account xpub.
# Runs Debian's python3 (package electrum): /usr/bin/python3, not a virtualenv's.
import sys

from electrum import constants, keystore
from electrum.storage import WalletStorage
from electrum.wallet_db import WalletDB

path, network = sys.argv[1], sys.argv[2]
{'mainnet': constants.set_mainnet, 'testnet': constants.set_testnet, 'regtest': constants.set_regtest}[network]()
coin = 0 if network == 'mainnet' else 1
mnemonic = ' '.join(sys.stdin.read().split())
ks = keystore.from_bip43_rootseed(keystore.bip39_to_seed(mnemonic, ''), derivation="m/84'/%d'/0'" % coin, xtype='p2wpkh')
db = WalletDB('', manual_upgrades=False)
db.put('keystore', ks.dump())
db.put('wallet_type', 'standard')
db.write(WalletStorage(path))
print(ks.get_root_fingerprint(), ks.get_derivation_prefix(), ks.get_master_public_key())

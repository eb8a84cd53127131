#!/usr/bin/env bash
# Prints signed-message vectors made by a real wallet (Debian package `electrum`, 4.3.x), one per line:
#   network <TAB> type <TAB> address <TAB> message <TAB> base64 signature
# Offline wallets are restored from FIXED, PUBLIC TEST seeds (never fund them) in a temporary folder, for
# mainnet, testnet and regtest: P2WPKH from an Electrum segwit seed, P2PKH from an Electrum standard seed, and
# P2SH-P2WPKH from the segwit wallet's first key imported as "p2wpkh-p2sh:". The message is proxyfund's
# ownership challenge for that address (OwnershipChallenge, fixed nonce and time).
# Electrum's ECDSA signatures are deterministic (RFC 6979): the same run always prints the same lines, so
# src/test/resources/org/proxyfund/wallet/address/electrum-vectors.tsv is this script's output, and
# ElectrumVectorsTest re-runs it when electrum is installed and compares.
# Usage: tools/electrum-signed-message-vectors.sh > src/test/resources/org/proxyfund/wallet/address/electrum-vectors.tsv
set -euo pipefail

SEGWIT_SEED="hover enlist attend estate battle aim access group side hire board razor"   # public test seed
STANDARD_SEED="price main pig reveal rail smooth subway coffee soft immune flip evidence"  # public test seed
NONCE=000102030405060708090a0b0c0d0e0f
ISSUED=2026-01-01T00:00:00Z

command -v electrum >/dev/null || { echo "electrum is not installed (apt-get install electrum)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

el() { electrum --offline -D "$work/$1" "${@:2}" 2>/dev/null; }
first_address() { el "$1" "${@:2}" listaddresses | tr -d '[]", ' | grep -v '^$' | head -n 1; }

for network in mainnet testnet regtest; do
  flag=(); [ "$network" = mainnet ] || flag=(--"$network")
  el "seg-$network" "${flag[@]}" restore "$SEGWIT_SEED" >/dev/null
  el "std-$network" "${flag[@]}" restore "$STANDARD_SEED" >/dev/null
  segwit=$(first_address "seg-$network" "${flag[@]}")
  wif=$(el "seg-$network" "${flag[@]}" getprivatekeys "$segwit" | tr -d '"' | sed 's/^p2wpkh://')
  el "p2sh-$network" "${flag[@]}" restore "p2wpkh-p2sh:$wif" >/dev/null
  for kind in p2wpkh:seg p2pkh:std p2sh_p2wpkh:p2sh; do
    type=${kind%%:*}; dir=${kind##*:}-$network
    address=$(first_address "$dir" "${flag[@]}")
    message="proxyfund payout address proof: handle=electrum-test address=$address nonce=$NONCE issued=$ISSUED"
    signature=$(el "$dir" "${flag[@]}" signmessage "$address" "$message")
    printf '%s\t%s\t%s\t%s\t%s\n' "$network" "$type" "$address" "$message" "$signature"
  done
done

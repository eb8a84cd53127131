#!/usr/bin/python3
# A second, independent PSBT signer for single-sig BIP-84 (P2WPKH) wallets, written from the texts of BIP-39 (seed),
# BIP-32 (key derivation), BIP-174 (PSBT version 0) and BIP-143 (segwit v0 signature hash). It shares no code with
# the service (bitcoinj) or with Electrum: elliptic-curve work is OpenSSL's, through Debian's python3-cryptography.
#
# Usage: tools/psbt-sign.py <psbt-base64> < mnemonic
# Reads the BIP-39 mnemonic from stdin (never from the command line), derives every input's key from the master
# fingerprint and path the PSBT names (PSBT_IN_BIP32_DERIVATION), checks that the key is the one the input's witness
# UTXO pays (P2WPKH) and, when the previous transaction is given, that its txid and amount are the input's; signs
# with SIGHASH_ALL and adds a PSBT_IN_PARTIAL_SIG to each input it signs. Prints the PSBT in base64, not finalized:
# combining and finalizing are the service's job. Exits 2 (and signs nothing) when an input is not its key's.
import base64
import hashlib
import hmac
import struct
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed, decode_dss_signature, encode_dss_signature

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141  # order of secp256k1's generator
HARDENED = 0x80000000
SIGHASH_ALL = 1


def sha256(b):
    return hashlib.sha256(b).digest()


def dsha256(b):
    return sha256(sha256(b))


def hash160(b):
    return hashlib.new('ripemd160', sha256(b)).digest()


def point(k):
    """The compressed public key (SEC1) of the private scalar k."""
    return ec.derive_private_key(k, ec.SECP256K1()).public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ValueError('truncated')
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def compact(self):
        first = self.take(1)[0]
        if first < 0xfd:
            return first
        return int.from_bytes(self.take({0xfd: 2, 0xfe: 4, 0xff: 8}[first]), 'little')

    def varbytes(self):
        return self.take(self.compact())


def compact(n):
    if n < 0xfd:
        return bytes([n])
    if n <= 0xffff:
        return b'\xfd' + n.to_bytes(2, 'little')
    if n <= 0xffffffff:
        return b'\xfe' + n.to_bytes(4, 'little')
    return b'\xff' + n.to_bytes(8, 'little')


def read_tx(raw):
    """Inputs (outpoint, sequence), outputs (value, script), version, lock time and the txid of a transaction."""
    r = Reader(raw)
    version = r.take(4)
    segwit = r.data[r.pos:r.pos + 2] == b'\x00\x01'
    if segwit:
        r.take(2)
    inputs = []
    for _ in range(r.compact()):
        outpoint = r.take(36)
        script_sig = r.varbytes()  # empty in an unsigned segwit transaction; kept for the previous one's txid
        inputs.append((outpoint, r.take(4), script_sig))
    outputs = []
    for _ in range(r.compact()):
        value = int.from_bytes(r.take(8), 'little')
        outputs.append((value, r.varbytes()))
    if segwit:
        for _ in inputs:
            for _ in range(r.compact()):
                r.varbytes()
    locktime = r.take(4)
    stripped = version + compact(len(inputs)) + b''.join(o + compact(len(ss)) + ss + s for o, s, ss in inputs) \
        + compact(len(outputs)) + b''.join(v.to_bytes(8, 'little') + compact(len(s)) + s for v, s in outputs) + locktime
    return {'version': version, 'inputs': inputs, 'outputs': outputs, 'locktime': locktime, 'txid': dsha256(stripped)}


def read_map(r):
    """One PSBT map: a list of (key, value) pairs, in file order, up to its 0x00 separator."""
    pairs = []
    while True:
        key = r.varbytes()
        if not key:
            return pairs
        pairs.append((key, r.varbytes()))


def write_map(pairs):
    return b''.join(compact(len(k)) + k + compact(len(v)) + v for k, v in pairs) + b'\x00'


def master(seed):
    i = hmac.new(b'Bitcoin seed', seed, hashlib.sha512).digest()
    return int.from_bytes(i[:32], 'big'), i[32:]


def child(k, chain, index):
    data = (b'\x00' + k.to_bytes(32, 'big') if index >= HARDENED else point(k)) + index.to_bytes(4, 'big')
    i = hmac.new(chain, data, hashlib.sha512).digest()
    il = int.from_bytes(i[:32], 'big')
    if il >= N or (il + k) % N == 0:
        raise ValueError('invalid child key at index %d (BIP-32: proceed with the next index)' % index)
    return (il + k) % N, i[32:]


def bip143_sighash(tx, index, script_code, amount):
    prevouts = b''.join(o for o, _, _ in tx['inputs'])
    sequences = b''.join(s for _, s, _ in tx['inputs'])
    outputs = b''.join(v.to_bytes(8, 'little') + compact(len(s)) + s for v, s in tx['outputs'])
    outpoint, sequence, _ = tx['inputs'][index]
    preimage = tx['version'] + dsha256(prevouts) + dsha256(sequences) + outpoint + script_code \
        + amount.to_bytes(8, 'little') + sequence + dsha256(outputs) + tx['locktime'] + SIGHASH_ALL.to_bytes(4, 'little')
    return dsha256(preimage)


def sign(k, digest):
    der = ec.derive_private_key(k, ec.SECP256K1()).sign(digest, ec.ECDSA(Prehashed(hashes.SHA256())))
    r, s = decode_dss_signature(der)
    if s > N // 2:
        s = N - s  # BIP-62/BIP-146 low S: nodes do not relay high-S signatures
    return encode_dss_signature(r, s) + bytes([SIGHASH_ALL])


def main():
    psbt = base64.b64decode(sys.argv[1], validate=True)
    seed = hashlib.pbkdf2_hmac('sha512', ' '.join(sys.stdin.read().split()).encode(), b'mnemonic', 2048)
    root_k, root_c = master(seed)
    fingerprint = hash160(point(root_k))[:4]
    if psbt[:5] != b'psbt\xff':
        sys.exit('not a PSBT (BIP-174 magic missing)')
    r = Reader(psbt)
    r.take(5)
    globals_ = read_map(r)
    unsigned = [v for k, v in globals_ if k == b'\x00']
    if len(unsigned) != 1:
        sys.exit('the PSBT has no unsigned transaction')
    tx = read_tx(unsigned[0])
    inputs = [read_map(r) for _ in tx['inputs']]
    outputs = [read_map(r) for _ in tx['outputs']]
    signed = 0
    for n, pairs in enumerate(inputs):
        utxo = [v for k, v in pairs if k == b'\x01']
        if not utxo:
            sys.exit('input %d has no witness UTXO' % n)
        amount = int.from_bytes(utxo[0][:8], 'little')
        spk = Reader(utxo[0][8:]).varbytes()
        previous = [v for k, v in pairs if k == b'\x00']
        if previous:
            prev = read_tx(previous[0])
            outpoint = tx['inputs'][n][0]
            vout = int.from_bytes(outpoint[32:], 'little')
            if prev['txid'] != outpoint[:32] or prev['outputs'][vout] != (amount, spk):
                print('input %d: the previous transaction is not the one spent, or pays another amount' % n, file=sys.stderr)
                sys.exit(2)
        for key, origin in pairs:
            if key[0] != 0x06 or origin[:4] != fingerprint:
                continue
            path = struct.unpack('<%dI' % ((len(origin) - 4) // 4), origin[4:])
            k, c = root_k, root_c
            for index in path:
                k, c = child(k, c, index)
            pub = point(k)
            if pub != key[1:] or spk != b'\x00\x14' + hash160(pub):
                print('input %d: the key at the path it names does not own the coin' % n, file=sys.stderr)
                sys.exit(2)
            script_code = bytes.fromhex('1976a914') + hash160(pub) + bytes.fromhex('88ac')
            pairs.append((b'\x02' + pub, sign(k, bip143_sighash(tx, n, script_code, amount))))
            signed += 1
    if signed != len(inputs):
        print('signed %d of %d inputs: the others name no key of this seed' % (signed, len(inputs)), file=sys.stderr)
        sys.exit(2)
    out = b'psbt\xff' + write_map(globals_) + b''.join(write_map(p) for p in inputs) + b''.join(write_map(p) for p in outputs)
    print(base64.b64encode(out).decode())


if __name__ == '__main__':
    main()

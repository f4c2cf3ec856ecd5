// The ledger's Ed25519 keys (docs/ledger.md#keys): private in the service's secret store, public for verifiers.
import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

// DER prefixes that wrap a raw 32-byte Ed25519 seed (PKCS#8) and public key (SPKI), RFC 8410.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** 32 bytes in standard base64 (44 characters with the padding), as `openssl rand -base64 32` prints. */
export const KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The development signing key: PUBLIC (its seed is derived from this sentence), so anything it
 * signs proves nothing. `npm start`, the demo and the tests use it when RUN_MODE=development and
 * LEDGER_SIGNING_KEY is unset; a production start refuses it.
 */
export const DEVELOPMENT_SIGNING_SEED = createHash('sha256')
  .update('border-intel ledger development key: public, proves nothing, never for production')
  .digest();

/** Key id of a raw Ed25519 public key: `ed25519:` and the first 16 hex digits of its SHA-256. */
export function keyIdOf(rawPublicKey: Buffer): string {
  return `ed25519:${createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 16)}`;
}

function decodeKey(base64: string, what: string): Buffer {
  if (!KEY_BASE64.test(base64)) throw new Error(`${what} must be 32 bytes in base64 (44 characters)`);
  return Buffer.from(base64, 'base64');
}

/** A verification key: the raw public key, its id and the key object. */
export interface PublicLedgerKey {
  keyId: string;
  /** Raw 32-byte public key in base64: what is handed to agencies and auditors. */
  publicKey: string;
  key: KeyObject;
}

/** A public key from its raw 32 bytes in base64. */
export function publicLedgerKey(base64: string): PublicLedgerKey {
  const raw = decodeKey(base64, 'an Ed25519 public key');
  return {
    keyId: keyIdOf(raw),
    publicKey: base64,
    key: createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' }),
  };
}

/** Signs with one Ed25519 private key, given as its 32-byte seed. */
export class LedgerSigner {
  readonly keyId: string;
  /** The matching public key (raw, base64). */
  readonly publicKey: string;
  /** Whether this is the public development key. */
  readonly development: boolean;
  private readonly key: KeyObject;

  private constructor(seed: Buffer) {
    this.key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const raw = createPublicKey(this.key)
      .export({ format: 'der', type: 'spki' })
      .subarray(SPKI_PREFIX.length);
    this.publicKey = raw.toString('base64');
    this.keyId = keyIdOf(raw);
    this.development = seed.equals(DEVELOPMENT_SIGNING_SEED);
  }

  /** A signer from a seed in base64 (LEDGER_SIGNING_KEY). */
  static fromBase64(seed: string): LedgerSigner {
    return new LedgerSigner(decodeKey(seed, 'LEDGER_SIGNING_KEY'));
  }

  /** The public development signer. */
  static development(): LedgerSigner {
    return new LedgerSigner(DEVELOPMENT_SIGNING_SEED);
  }

  /** Ed25519 signature of `message`, base64. */
  sign(message: Buffer): string {
    return sign(null, message, this.key).toString('base64');
  }
}

/** Whether `signature` (base64) is a valid Ed25519 signature of `message` by `key`. */
export function verifySignature(key: PublicLedgerKey, message: Buffer, signature: string): boolean {
  try {
    return verify(null, message, key.key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The public keys a verifier trusts, per chain. Parsed from `LEDGER_PUBLIC_KEYS`:
 * comma-separated `chain:publicKey` pairs (several per chain while a key is rotated), where
 * `*` as the chain trusts the key for every chain.
 */
export class LedgerKeyring {
  private constructor(
    private readonly byChain: ReadonlyMap<string, readonly PublicLedgerKey[]>,
    /** Whether this is the development key only (nothing it verifies proves anything). */
    readonly development: boolean,
  ) {}

  /** Parses `chain:publicKey,…`; throws naming the bad item. */
  static parse(text: string): LedgerKeyring {
    const byChain = new Map<string, PublicLedgerKey[]>();
    for (const item of text.split(',').map((s) => s.trim())) {
      if (item === '') continue;
      const colon = item.indexOf(':');
      const chain = item.slice(0, colon).trim();
      if (colon < 1 || !/^(\*|[a-z_][a-z0-9_]*)$/.test(chain)) {
        throw new Error(
          `LEDGER_PUBLIC_KEYS item "${item}" must be chain:publicKey (chain: a schema name or *)`,
        );
      }
      let key: PublicLedgerKey;
      try {
        key = publicLedgerKey(item.slice(colon + 1).trim());
      } catch (e) {
        throw new Error(`LEDGER_PUBLIC_KEYS item for ${chain}: ${(e as Error).message}`);
      }
      byChain.set(chain, [...(byChain.get(chain) ?? []), key]);
    }
    if (byChain.size === 0) throw new Error('LEDGER_PUBLIC_KEYS names no key');
    return new LedgerKeyring(byChain, false);
  }

  /** Trusts the public development key for every chain. */
  static development(): LedgerKeyring {
    const key = publicLedgerKey(LedgerSigner.development().publicKey);
    return new LedgerKeyring(new Map([['*', [key]]]), true);
  }

  /** The key with this id trusted for this chain, if any. */
  find(chainId: string, keyId: string): PublicLedgerKey | undefined {
    return [...(this.byChain.get(chainId) ?? []), ...(this.byChain.get('*') ?? [])].find(
      (k) => k.keyId === keyId,
    );
  }
}

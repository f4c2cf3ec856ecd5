// A checkpoint: the writing service's signed statement "chain C (instance I) had N entries and its
// head hash was H at time T" (docs/ledger.md#the-chain-and-the-signatures).
import { canonicalJson } from './hash-chain';
import { type LedgerKeyring, type LedgerSigner, verifySignature } from './keys';

/** A signed checkpoint of one chain. */
export interface Checkpoint {
  /** The chain: the writing service's schema. */
  chainId: string;
  /** The ledger instance, made when the chain's tables were created (a recreated ledger is a new instance). */
  instanceId: string;
  /** Seq of the head entry covered (every entry up to it). */
  seq: number;
  /** Hash of that entry. */
  headHash: string;
  /** ISO 8601 instant of signing. */
  signedAt: string;
  /** Id of the signing key (see keyIdOf). */
  keyId: string;
  /** Ed25519 signature (base64) of {@link checkpointMessage}. */
  signature: string;
}

/** What a checkpoint says, before it is signed. */
export type UnsignedCheckpoint = Omit<Checkpoint, 'signature' | 'keyId'>;

/** Domain separation: a checkpoint signature can never be mistaken for a signature of anything else. */
const CONTEXT = 'border-intel ledger checkpoint v1\n';

/** The exact bytes a checkpoint's signature covers. */
export function checkpointMessage(c: Omit<Checkpoint, 'signature'>): Buffer {
  const signed = {
    chainId: c.chainId,
    instanceId: c.instanceId,
    seq: c.seq,
    headHash: c.headHash,
    signedAt: c.signedAt,
    keyId: c.keyId,
  };
  return Buffer.from(CONTEXT + canonicalJson(signed), 'utf8');
}

/** Signs a checkpoint. */
export function signCheckpoint(signer: LedgerSigner, c: UnsignedCheckpoint): Checkpoint {
  const unsigned = { ...c, keyId: signer.keyId };
  return { ...unsigned, signature: signer.sign(checkpointMessage(unsigned)) };
}

/** Why a checkpoint's signature is not accepted, or null when it verifies with a trusted key. */
export function checkpointSignatureProblem(
  keyring: LedgerKeyring,
  c: Checkpoint,
): { reason: 'UNKNOWN_KEY' | 'BAD_SIGNATURE'; detail: string } | null {
  const key = keyring.find(c.chainId, c.keyId);
  if (!key) {
    return {
      reason: 'UNKNOWN_KEY',
      detail: `checkpoint seq ${c.seq} is signed by key ${c.keyId}, which is not trusted for chain ${c.chainId} (LEDGER_PUBLIC_KEYS)`,
    };
  }
  if (!verifySignature(key, checkpointMessage(c), c.signature)) {
    return {
      reason: 'BAD_SIGNATURE',
      detail: `checkpoint seq ${c.seq} (head ${c.headHash}) does not verify with key ${c.keyId}`,
    };
  }
  return null;
}

const HASH = /^[0-9a-f]{64}$/;

/** Reads a checkpoint from parsed JSON (a topic record, a mirror line); throws naming the bad field. */
export function parseCheckpoint(value: unknown): Checkpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('a checkpoint must be a JSON object');
  }
  const v = value as Record<string, unknown>;
  const text = (name: string): string => {
    if (typeof v[name] !== 'string' || v[name] === '') throw new Error(`checkpoint ${name} must be a string`);
    return v[name];
  };
  const seq = v.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    throw new Error('checkpoint seq must be a whole number of at least 1');
  }
  const headHash = text('headHash');
  if (!HASH.test(headHash)) throw new Error('checkpoint headHash must be 64 hex digits');
  const signedAt = text('signedAt');
  if (Number.isNaN(Date.parse(signedAt))) throw new Error('checkpoint signedAt must be an ISO 8601 instant');
  return {
    chainId: text('chainId'),
    instanceId: text('instanceId'),
    seq,
    headHash,
    signedAt,
    keyId: text('keyId'),
    signature: text('signature'),
  };
}

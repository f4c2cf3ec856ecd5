// The library's only I/O: read a policy file and validate it.
import { readFileSync } from 'node:fs';
import { SharingPolicyError, parsePolicy } from './sharing-policy.parser';
import type { SharingPolicy } from './sharing-policy.types';

/** Reads and validates a policy file; throws naming the file and, for a bad policy, every bad path. */
export function loadPolicyFile(path: string): SharingPolicy {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read sharing policy ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parsePolicy(json);
  } catch (error) {
    if (error instanceof SharingPolicyError) throw new SharingPolicyError(error.problems, path);
    throw error;
  }
}

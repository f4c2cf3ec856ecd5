/** Returns an upper-case ISO 3166-1 alpha-2 code, or undefined when the input is not two letters. */
export function normaliseCountryCode(code: string | undefined | null): string | undefined {
  const trimmed = (code ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(trimmed) ? trimmed : undefined;
}

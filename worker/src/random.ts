// Random identifiers from crypto.getRandomValues, every character equally likely (no modulo bias).

/** ASCII order, so fixed-width strings of it sort as the numbers they encode (see state/ids.ts). */
export const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 62 × 4: bytes at or above it are dropped instead of folded onto the first characters. */
const UNBIASED_BELOW = 248;

/** `length` characters of ALPHABET: log2(62) ≈ 5.95 random bits each. */
export function randomChars(length: number): string {
  let out = "";
  while (out.length < length) {
    // getRandomValues takes at most 64 KiB at a time; a few spare bytes cover the dropped ones.
    for (const byte of crypto.getRandomValues(new Uint8Array(Math.min(length - out.length + 8, 4096)))) {
      if (byte < UNBIASED_BELOW) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** What core needs of cryptography; the node adapter implements it with node:crypto. */
export interface Crypto {
  /** a random, URL-safe id with the given prefix */
  randomId(prefix: string): string;
  /** n decimal digits from a CSPRNG */
  randomDigits(n: number): string;
  /** keyed hash (HMAC-SHA256, hex) for codes and deterministic keys */
  hmac(value: string): string;
  /** plain SHA-1 (hex) of the UTF-8 bytes: WeChat's JS-SDK signature is defined with it */
  sha1Hex(value: string): string;
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  /** a signed, expiring token carrying `payload` */
  signToken(payload: Record<string, unknown>, ttlSeconds: number): string;
  /** the payload, or null when the signature or expiry is wrong */
  verifyToken(token: string): Record<string, unknown> | null;
}

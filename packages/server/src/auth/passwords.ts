import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum recommended parameters (19 MiB, 2 iterations, 1 lane).
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A password policy a clinical system can defend: long enough, not trivially guessable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'must be at least 12 characters long';
  if (/^(.)\1+$/.test(password)) return 'must not repeat a single character';
  return null;
}

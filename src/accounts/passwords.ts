// Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const Password = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');

export const hashPassword = (password: string) => hash(password, OPTIONS);

// Verifying against a real hash when the account does not exist keeps the
// response time the same, so timing does not reveal which emails have accounts.
const DUMMY = hashPassword('not-a-real-password-placeholder');

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await DUMMY), password);
  } catch {
    return false;
  }
}

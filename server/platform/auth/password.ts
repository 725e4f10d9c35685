import argon2 from 'argon2';

export interface PasswordParams {
  memoryCost: number;
  timeCost: number;
}

let params: PasswordParams = { memoryCost: 19456, timeCost: 2 };

/** OWASP's argon2id minimum (19 MiB, t=2, p=1) by default; tunable via ARGON2_* env. */
export function configurePasswords(p: PasswordParams): void {
  params = p;
}

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, {
    type: argon2.argon2id,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: 1,
  });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spend the same time as a real check when the user does not exist, so timing does not reveal usernames. */
export async function burnPasswordCheck(plain: string): Promise<void> {
  dummyHash ??= hashPassword('zoneos-dummy-password-0');
  await verifyPassword(await dummyHash, plain);
}

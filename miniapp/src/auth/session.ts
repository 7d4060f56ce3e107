import type { SessionUser } from '@hongjia/shared';
import { readStorage, removeStorage, storageKeys, writeStorage } from '../state/storage';
import { createStore, useStore } from '../state/store';

export interface Session {
  token: string;
  /** ISO date-time from the sign-in answer; a session past it is treated as signed out. */
  expiresAt: string;
  user: SessionUser;
}

const session = createStore<Session | null>(null);

function isSession(value: unknown): value is Session {
  const v = value as Partial<Session> | null | undefined;
  return typeof v?.token === 'string' && typeof v.expiresAt === 'string' && typeof v.user?.id === 'string';
}

function isExpired(s: Session, now: number): boolean {
  const expires = Date.parse(s.expiresAt);
  return Number.isNaN(expires) || expires <= now;
}

export function initSession(now: number = Date.now()): void {
  const stored = readStorage(storageKeys.session);
  if (isSession(stored) && !isExpired(stored, now)) session.set(stored);
  else clearSession();
}

export function saveSession(next: Session): void {
  writeStorage(storageKeys.session, next);
  session.set(next);
}

export function clearSession(): void {
  removeStorage(storageKeys.session);
  session.set(null);
}

/** The bearer token, or null when signed out or expired (then the stored session is dropped). */
export function currentToken(now: number = Date.now()): string | null {
  const s = session.get();
  if (!s) return null;
  if (isExpired(s, now)) {
    clearSession();
    return null;
  }
  return s.token;
}

/** The signed-in user's id, or null (same expiry rule as currentToken). */
export function currentUserId(now: number = Date.now()): string | null {
  return currentToken(now) ? (session.get()?.user.id ?? null) : null;
}

export function useSession(): Session | null {
  return useStore(session);
}

import { readStorage, storageKeys, writeStorage } from '../state/storage';
import { createStore, useStore } from '../state/store';
import { privacyVersion } from './policy';

/** What the gate shows: closed, or open and waiting for the user's answer. */
interface GateState {
  agreed: boolean;
  open: boolean;
}

const gate = createStore<GateState>({ agreed: false, open: false });
let waiting: Array<(agreed: boolean) => void> = [];

export function initPrivacy(): void {
  const agreed = readStorage(storageKeys.privacyAgreedVersion) === privacyVersion;
  // First launch, or the guideline changed since the user agreed: show it right away.
  gate.set({ agreed, open: !agreed });
}

export function hasAgreedPrivacy(): boolean {
  return gate.get().agreed;
}

/** Whether the gate is showing, waiting for the user's answer. */
export function isPrivacyGateOpen(): boolean {
  return gate.get().open;
}

/** Resolves true once the user has agreed; opens the gate if needed. Call before any personal data. */
export function ensurePrivacyAgreed(): Promise<boolean> {
  if (gate.get().agreed) return Promise.resolve(true);
  return askPrivacy();
}

/** Opens the gate even if we recorded an agreement (WeChat's own record may be older). */
export function askPrivacy(): Promise<boolean> {
  gate.set({ ...gate.get(), open: true });
  return new Promise((resolve) => waiting.push(resolve));
}

export function answerPrivacy(agreed: boolean): void {
  if (agreed) writeStorage(storageKeys.privacyAgreedVersion, privacyVersion);
  gate.set({ agreed: agreed || gate.get().agreed, open: false });
  const resolvers = waiting;
  waiting = [];
  for (const resolve of resolvers) resolve(agreed);
}

export function usePrivacyGate(): GateState {
  return useStore(gate);
}

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

/** The last time the server was told of an agreement: for whom, and whether it took. */
let recording: { userId: string; done: Promise<boolean> } | undefined;

/** Notes an agreement being recorded on the server (sign-in, the gate's tap). */
export function noteConsentRecording(userId: string, done: Promise<boolean>): void {
  recording = { userId, done };
}

/**
 * Whether the server has this user's agreement as far as we know, waiting for a recording in
 * flight: a page's request sent while sign-in was still recording it is refused, and only
 * needs sending again, not the gate.
 */
export function consentRecordedFor(userId: string): Promise<boolean> {
  return recording?.userId === userId ? recording.done : Promise.resolve(false);
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

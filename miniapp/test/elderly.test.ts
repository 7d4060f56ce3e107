import { describe, expect, it } from 'vitest';
import { parseChoice, shouldUseElderlyMode } from '../src/elderly/decide';

describe('elderly mode decision', () => {
  it('is off with the standard WeChat font and no choice', () => {
    expect(shouldUseElderlyMode(undefined, 17)).toBe(false);
  });

  it('turns on by itself for a font larger than standard', () => {
    expect(shouldUseElderlyMode(undefined, 20)).toBe(true);
  });

  it('stays off on h5, where no font setting is reported', () => {
    expect(shouldUseElderlyMode(undefined, undefined)).toBe(false);
  });

  it('lets an explicit "off" win over a large font', () => {
    expect(shouldUseElderlyMode('off', 24)).toBe(false);
  });

  it('lets an explicit "on" win over a standard font', () => {
    expect(shouldUseElderlyMode('on', 17)).toBe(true);
  });

  it('ignores a corrupt stored choice', () => {
    expect(parseChoice('yes')).toBeUndefined();
    expect(parseChoice('')).toBeUndefined();
    expect(parseChoice('on')).toBe('on');
  });
});

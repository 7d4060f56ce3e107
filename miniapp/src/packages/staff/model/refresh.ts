/**
 * Every list of special families is audited (the family sees who looked), so the list reloads
 * when it shows again only if a record was created or changed meanwhile.
 */
let changed = false;

export function markFamiliesChanged(): void {
  changed = true;
}

export function takeFamiliesChanged(): boolean {
  const was = changed;
  changed = false;
  return was;
}

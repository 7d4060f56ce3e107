/**
 * Fault-rule matchers on the document client's own input, as the faults
 * middleware sees it at the `initialize` step: plain strings, not yet
 * marshalled into `{S: …}` (faults.ts' `pkStartsWith` reads the marshalled
 * shape). ElectroDB keys read `$hongjia#<idlabel>_<id>` (pk) and
 * `$<entity>_<version>…` (sk).
 */
export function itemKeyStartsWith(pkPrefix: string, skPrefix?: string) {
  return (input: Record<string, unknown>) => {
    const item = (input.Item ?? input.Key) as { pk?: unknown; sk?: unknown } | undefined;
    const text = (value: unknown) =>
      typeof value === 'string' ? value : ((value as { S?: unknown } | undefined)?.S as string | undefined);
    const pk = text(item?.pk);
    const sk = text(item?.sk);
    return pk?.startsWith(pkPrefix) === true && (skPrefix === undefined || sk?.startsWith(skPrefix) === true);
  };
}

/**
 * The messages of the monitoring worker's queue (ids only, never personal data):
 * - `import`: run (or resume) an import;
 * - `registration`: match a 生育登记 that was approved or voided against the deliveries;
 * - `prune`: remove a finished writer's markers from the counters it added to,
 *   sent delayed longer than any run of that writer can live (decision 0020).
 */
export type MonitoringMessage =
  | { kind: 'import'; importId: string }
  | { kind: 'registration'; registrationId: string }
  | { kind: 'prune'; writer: string; step: number; counterKeys: string[]; importId?: string };

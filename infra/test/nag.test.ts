import { type App, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildApp, buildBothStacks } from './support';

/** Every cdk-nag acknowledgement in an app: rule id, reason and where. */
function acknowledgements(app: App) {
  return app.node.findAll().flatMap((construct: IConstruct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          id,
          reason,
          path: construct.node.path,
        })),
      ),
  );
}

describe('cdk-nag (AWS Solutions)', () => {
  it('finds nothing unacknowledged in the default app (the China stack)', () => {
    // Prepare
    const { app } = buildApp();

    // Act
    const report = new AwsSolutionsChecks(app).validateScope(app);

    // Assess
    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('finds nothing unacknowledged with the aws-partition stack either', () => {
    const { app } = buildBothStacks();
    expect(new AwsSolutionsChecks(app).validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('would report a finding nobody acknowledged', () => {
    // Prepare: a secret without rotation and without a written reason.
    const { app, cn } = buildApp();
    new Secret(cn, 'Unexplained');

    // Act
    const report = new AwsSolutionsChecks(app).validateScope(app);

    // Assess
    expect(report.violations.map((violation) => violation.ruleName)).toEqual(['AwsSolutions-SMG4']);
  });

  it('gives every acknowledgement a written reason', () => {
    const found = acknowledgements(buildApp().app);
    expect(found.length).toBeGreaterThan(0);
    for (const { id, reason, path } of found) {
      expect(reason.length, `${id} at ${path}`).toBeGreaterThanOrEqual(60);
    }
  });
});

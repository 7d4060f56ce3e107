import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';

/**
 * Keys of personal-data encryption (SPEC §4, functions/src/commons/pii):
 * - a customer-managed KMS key with yearly rotation that wraps each function's
 *   data keys (envelope encryption: the master key never leaves KMS), one
 *   encryption context per field family so IAM grants a group only its
 *   families (decision 0016);
 * - an HMAC key in Secrets Manager for look-up hashes of ID numbers, kept apart
 *   from the data keys so hashes survive data-key rotation.
 * Both retained: losing either makes stored personal data unreadable.
 */
export class PiiKeys extends Construct {
  readonly dataKey: Key;
  readonly lookupSecret: Secret;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);
    this.dataKey = new Key(this, 'DataKey', {
      description: `Hongjia ${props.stage}: wraps the data keys that encrypt ID numbers and phones`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    this.lookupSecret = new Secret(this, 'LookupSecret', {
      description: `Hongjia ${props.stage}: HMAC key of personal-data look-up hashes (never rotate without re-hashing)`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.lookupSecret.node.defaultChild as CfnSecret).overrideLogicalId('PiiLookupSecret');
    acknowledgeNag(
      this.lookupSecret,
      'AwsSolutions-SMG4',
      'Look-up hashes of ID numbers are stored under this HMAC key; rotating it without re-hashing every stored hash would break duplicate checks and identity binding. Rotation is a migration, not a schedule.',
    );
  }
}

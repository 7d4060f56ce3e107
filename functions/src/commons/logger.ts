import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { redact, redactText } from './redact';

type Attributes = Record<string, unknown>;

/**
 * Powertools' JSON log shape, with the message and every attribute passed
 * through `redact`, so a careless `logger.info('x', { body })` still cannot
 * write an ID number, a phone or a token. An error keeps its stack and cause.
 */
export class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: Attributes): LogItem {
    const base: Attributes = {
      level: attributes.logLevel,
      message: redactText(attributes.message),
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: attributes.lambdaContext?.coldStart,
      function_name: attributes.lambdaContext?.functionName,
      function_request_id: attributes.lambdaContext?.awsRequestId,
      xray_trace_id: attributes.xRayTraceId,
    };
    // Errors are formatted first (stack and cause kept), then redacted: see redact.ts.
    const merged = { ...base, ...(redact(additional, (error) => this.formatError(error)) as Attributes) };
    return new LogItem({ attributes: merged as ConstructorParameters<typeof LogItem>[0]['attributes'] });
  }
}

/** One logger per process; the service name comes from POWERTOOLS_SERVICE_NAME (the function group). */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'hongjia',
  logFormatter: new RedactingLogFormatter(),
});

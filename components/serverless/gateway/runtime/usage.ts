/** One served (or refused) request, as logged for cost attribution. */
export interface UsageRecord {
  requestId: string;
  caller: string;
  provider: string;
  model: string;
  status: number;
  stream: boolean;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  firstTokenMs: number | undefined;
  errorCode: string | undefined;
}

/**
 * A usage log line. With `emfNamespace` it is also a CloudWatch Embedded Metric Format record
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
 * so CloudWatch derives InputTokens/OutputTokens/Requests metrics per model from the log alone,
 * without an SDK call or extra permission. Without it, the line is a structured Cloud Logging
 * entry (`severity` and `message` are the fields Cloud Logging reads).
 */
export function usageLine(record: UsageRecord, emfNamespace: string | undefined, now: number): string {
  const base = { message: "usage", severity: record.status >= 500 ? "ERROR" : "INFO", ...record };
  if (!emfNamespace) return JSON.stringify(base);
  return JSON.stringify({
    ...base,
    Model: record.model,
    InputTokens: record.inputTokens,
    OutputTokens: record.outputTokens,
    Requests: 1,
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        {
          Namespace: emfNamespace,
          Dimensions: [["Model"]],
          Metrics: [
            { Name: "InputTokens", Unit: "Count" },
            { Name: "OutputTokens", Unit: "Count" },
            { Name: "Requests", Unit: "Count" },
          ],
        },
      ],
    },
  });
}

import { InputError } from "../../common/inputError.js";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Checks a Kubernetes object name is a DNS-1123 label no longer than `max`. Names that end up
 * inside generated names (LeaderWorkerSet -> StatefulSet -> pod and revision labels) need a
 * tighter limit than 63.
 */
export function checkDnsLabel(where: string, fieldPath: string, value: string, max = 63): void {
  if (!DNS1123_LABEL.test(value) || value.length > max) {
    throw new InputError(
      `${where}: ${fieldPath} "${value}" is not a valid name. Fix: use at most ${max} lowercase letters, ` +
        'digits and "-", starting and ending with a letter or digit.',
      { fieldPath },
    );
  }
}

/** Throws unless `value` is an integer in [min, max]. */
export function checkInteger(
  where: string,
  fieldPath: string,
  value: number,
  min: number,
  max = 1_000_000,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `${where}: ${fieldPath} is ${String(value)}. Fix: give a whole number from ${min} to ${max}.`,
      { fieldPath },
    );
  }
}

/** Throws an input error naming the component, the field and the fix. */
export function inputError(where: string, fieldPath: string, problem: string, fix: string): InputError {
  return new InputError(`${where}: ${fieldPath} ${problem}. Fix: ${fix}`, { fieldPath });
}

/**
 * Daily budgets: which counter a call spends, whether it may be sent, and
 * the typed error a caller gets when it may not. Counters are per Romania
 * calendar day, so they reset at midnight Europe/Bucharest.
 */
import { AppFailure } from '../../../shared/result.ts';
import {
  formatRomaniaTime,
  nextRomaniaMidnight,
  romaniaDayKey,
} from '../time/romania-time.ts';
import type {
  BudgetRule,
  BudgetScope,
  EndpointPolicy,
  QueueEndpoint,
} from './endpoints.ts';
import { ENDPOINT_POLICIES } from './endpoints.ts';

export interface BudgetTarget {
  endpoint: QueueEndpoint;
  cif?: string | undefined;
  /** Download id for `download`, upload index for status checks. */
  messageKey?: string | undefined;
}

/** One daily counter: an endpoint and the message or CIF it is kept for. */
export interface BudgetSlot {
  key: string;
  endpoint: QueueEndpoint;
  scopeValue: string;
  rule: BudgetRule;
}

export interface BudgetStatus {
  key: string;
  endpoint: QueueEndpoint;
  scope: BudgetScope;
  scopeValue: string;
  /** Words for messages: "downloads", "status checks", ... */
  noun: string;
  /** Romania calendar day the counter belongs to, `YYYY-MM-DD`. */
  day: string;
  limit: number;
  used: number;
  remaining: number;
  /** Next Romania midnight, epoch ms. */
  resetsAt: number;
}

/**
 * Returns the daily counter a call spends, or null for an endpoint without
 * a daily limit. Throws a TypeError when the job lacks the CIF or message
 * key its endpoint's budget is counted by, which is a bug in the caller.
 */
export function budgetSlotFor(
  target: BudgetTarget,
  policies: Readonly<Record<QueueEndpoint, EndpointPolicy>> = ENDPOINT_POLICIES,
): BudgetSlot | null {
  const rule = policies[target.endpoint].budget;
  if (!rule) return null;

  const scopeValue = rule.scope === 'cif' ? target.cif : target.messageKey;
  if (!scopeValue) {
    const field = rule.scope === 'cif' ? 'cif' : 'messageKey';
    throw new TypeError(
      `A ${target.endpoint} job needs a ${field}: its daily budget is counted per ${rule.scope}.`,
    );
  }
  return {
    key: `${target.endpoint}:${scopeValue}`,
    endpoint: target.endpoint,
    scopeValue,
    rule,
  };
}

/** Returns a counter's state at `now`, given the calls used today. */
export function budgetStatus(
  slot: BudgetSlot,
  used: number,
  now: number,
): BudgetStatus {
  const limit = slot.rule.perDay;
  return {
    key: slot.key,
    endpoint: slot.endpoint,
    scope: slot.rule.scope,
    scopeValue: slot.scopeValue,
    noun: slot.rule.noun,
    day: romaniaDayKey(now),
    limit,
    used,
    remaining: Math.max(0, limit - used),
    resetsAt: nextRomaniaMidnight(now),
  };
}

/** Creates the `anaf.dailyLimit` error for a call that was not sent. */
export function dailyLimitFailure(status: BudgetStatus): AppFailure {
  const scope =
    status.scope === 'message'
      ? `message ${status.scopeValue}`
      : `CIF ${status.scopeValue}`;
  const resetsAtLocal = formatRomaniaTime(status.resetsAt);
  return new AppFailure(
    'anaf.dailyLimit',
    `Daily limit reached: ${status.limit} ${status.noun} a day for ${scope}. ` +
      `The request was not sent; try again after ${resetsAtLocal} (Romania time).`,
    {
      endpoint: status.endpoint,
      key: status.key,
      limit: status.limit,
      used: status.used,
      resetsAt: new Date(status.resetsAt).toISOString(),
      resetsAtLocal,
      retryable: false,
    },
  );
}

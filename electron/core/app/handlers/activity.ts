/**
 * The request queue as the Activity screen shows it: job counts, calls in
 * the current window, and the daily budgets touched today. Changes are pushed
 * as `queue.changed`, at most a few times a second.
 */
import type { QueueSnapshot } from '../../../../shared/domain.ts';
import type { HandlerTable } from '../../ipc/dispatcher.ts';
import type { BudgetStatus, RequestQueue } from '../../queue/index.ts';
import type { EventEmitterFn } from '../app-core.ts';

export type ActivityHandlers = Pick<HandlerTable, 'queue.snapshot'>;

const MAX_BUDGETS_SHOWN = 200;
const PUSH_INTERVAL_MS = 300;

export function createActivityHandlers(queue: RequestQueue, emit: EventEmitterFn): ActivityHandlers & { stop(): void } {
  const budgets = new Map<string, BudgetStatus>();
  let pushTimer: NodeJS.Timeout | null = null;

  const snapshot = (): QueueSnapshot => {
    const totals = queue.totals();
    return {
      rateLimitPerMinute: totals.effectiveRateLimit,
      callsInLastMinute: totals.callsInWindow,
      counts: { ...totals.jobs },
      budgets: [...budgets.values()].map((budget) => ({
        endpoint: budget.endpoint,
        key: budget.scopeValue,
        used: budget.used,
        limit: budget.limit,
        resetsAt: new Date(budget.resetsAt).toISOString(),
      })),
    };
  };

  const schedulePush = (): void => {
    if (pushTimer) return;
    pushTimer = setTimeout(() => {
      pushTimer = null;
      emit('queue.changed', snapshot());
    }, PUSH_INTERVAL_MS);
    pushTimer.unref();
  };

  const unsubscribers = [
    queue.on('totals', schedulePush),
    queue.on('budget', (budget) => {
      budgets.delete(budget.key);
      budgets.set(budget.key, budget);
      if (budgets.size > MAX_BUDGETS_SHOWN) {
        const oldest = budgets.keys().next().value;
        if (oldest !== undefined) budgets.delete(oldest);
      }
      schedulePush();
    }),
  ];

  return {
    'queue.snapshot': () => snapshot(),
    stop() {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      if (pushTimer) clearTimeout(pushTimer);
    },
  };
}

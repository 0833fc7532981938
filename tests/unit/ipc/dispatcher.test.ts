import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { AppFailure } from '../../../shared/result.ts';
import { createTestCore } from '../../helpers/app-core.ts';

const context = { shell: 'browser' as const, sender: 'test' };

describe('dispatcher', () => {
  it('returns the handler value for valid input', async () => {
    const { core } = createTestCore();
    const dispatch = createDispatcher(core.handlers, createMemoryLogger().logger);
    const result = await dispatch('settings.set', { rateLimitPerMinute: 250 }, context);
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as { rateLimitPerMinute: number }).rateLimitPerMinute).toBe(250);
  });

  it.each([
    ['out of range', { rateLimitPerMinute: 5000 }],
    ['wrong type', { rateLimitPerMinute: '100' }],
    ['unknown field', { nodeIntegration: true }],
    ['not an object', 'language=en'],
  ])('rejects %s input with input.invalid', async (_name, input) => {
    const { core, stored } = createTestCore();
    const dispatch = createDispatcher(core.handlers, createMemoryLogger().logger);
    const result = await dispatch('settings.set', input, context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('input.invalid');
    expect(stored).toEqual({});
  });

  it('rejects an unknown channel', async () => {
    const { core } = createTestCore();
    const dispatch = createDispatcher(core.handlers, createMemoryLogger().logger);
    const result = await dispatch('fs.readFile', { path: '/etc/passwd' }, context);
    expect(!result.ok && result.error.code).toBe('input.invalid');
  });

  it('rejects inherited property names as channels', async () => {
    const { core } = createTestCore();
    const dispatch = createDispatcher(core.handlers, createMemoryLogger().logger);
    const result = await dispatch('constructor', undefined, context);
    expect(!result.ok && result.error.code).toBe('input.invalid');
  });

  it('keeps the code of an expected failure', async () => {
    const { core } = createTestCore();
    const handlers = { ...core.handlers, 'app.info': () => { throw new AppFailure('archive.locked', 'held by PID 7'); } };
    const dispatch = createDispatcher(handlers, createMemoryLogger().logger);
    const result = await dispatch('app.info', undefined, context);
    expect(!result.ok && result.error).toEqual({ code: 'archive.locked', message: 'held by PID 7' });
  });

  it('reports an unexpected error as internal and logs it', async () => {
    const { core } = createTestCore();
    const memory = createMemoryLogger();
    const handlers = { ...core.handlers, 'app.info': () => { throw new TypeError('boom'); } };
    const dispatch = createDispatcher(handlers, memory.logger);
    const result = await dispatch('app.info', undefined, context);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(memory.lines.some((line) => line.includes('TypeError: boom'))).toBe(true);
  });

  it('emits settings.changed after a write', async () => {
    const { core, events } = createTestCore();
    const dispatch = createDispatcher(core.handlers, createMemoryLogger().logger);
    await dispatch('settings.set', { language: 'en' }, context);
    expect(events.map((entry) => entry.event)).toEqual(['settings.changed']);
  });
});

import { describe, expect, it } from 'vitest';
import { failureFromAnafMessage } from '../../../electron/core/anaf/anaf-messages.ts';
import {
  listWindow,
  walkMessagePages,
  type ListWindow,
} from '../../../electron/core/anaf/list-window.ts';
import type { MessagePage } from '../../../electron/core/anaf/parse-lists.ts';

const DAY = 86_400_000;

function page(number: number, totalPages: number): MessagePage {
  return {
    messages: [],
    certificateSerial: null,
    title: null,
    page: number,
    totalPages,
    totalRecords: totalPages * 500,
    recordsPerPage: 500,
  };
}

async function collect(pages: AsyncIterable<MessagePage>): Promise<number[]> {
  const numbers: number[] = [];
  for await (const item of pages) numbers.push(item.page);
  return numbers;
}

describe('listWindow', () => {
  const now = new Date('2025-01-31T10:00:00Z');

  it('ends a minute before now', () => {
    expect(listWindow(now)?.endTime.toISOString()).toBe(
      '2025-01-31T09:59:00.000Z',
    );
  });

  it('starts five minutes inside 60 days', () => {
    expect(listWindow(now)?.startTime.toISOString()).toBe(
      '2024-12-02T10:05:00.000Z',
    );
  });

  it('stays inside 60 calendar days across a spring change', () => {
    const may = new Date('2025-05-01T09:00:00Z');
    const window = listWindow(may);
    expect(window?.startTime.toISOString()).toBe('2025-03-02T10:05:00.000Z');
  });

  it('stays inside 60 24-hour days across an autumn change', () => {
    const december = new Date('2025-12-01T10:00:00Z');
    const start = listWindow(december)?.startTime.getTime() ?? 0;
    expect(start - (december.getTime() - 60 * DAY)).toBe(5 * 60_000);
  });

  it('starts at since when later', () => {
    const since = new Date('2025-01-30T08:00:00Z');
    expect(listWindow(now, since)?.startTime.toISOString()).toBe(
      since.toISOString(),
    );
  });

  it('clamps an old since', () => {
    const since = new Date('2024-01-01T00:00:00Z');
    expect(listWindow(now, since)?.startTime.toISOString()).toBe(
      '2024-12-02T10:05:00.000Z',
    );
  });

  it('returns null when since is too recent', () => {
    expect(listWindow(now, new Date('2025-01-31T09:59:30Z'))).toBeNull();
  });
});

describe('walkMessagePages', () => {
  const now = () => new Date('2025-01-31T10:00:00Z');

  it('follows numar_total_pagini', async () => {
    const requested: number[] = [];
    const fetchPage = async (_window: ListWindow, number: number) => {
      requested.push(number);
      return page(number, 3);
    };
    expect(await collect(walkMessagePages(fetchPage, { now }))).toEqual([
      1, 2, 3,
    ]);
  });

  it('stops after an empty first page', async () => {
    const fetchPage = async (_window: ListWindow, number: number) =>
      page(number, 0);
    expect(await collect(walkMessagePages(fetchPage, { now }))).toEqual([1]);
  });

  it('follows a growing total', async () => {
    const totals = [2, 3, 3];
    const fetchPage = async (_window: ListWindow, number: number) =>
      page(number, totals[number - 1] ?? 3);
    expect(await collect(walkMessagePages(fetchPage, { now }))).toEqual([
      1, 2, 3,
    ]);
  });

  it('ignores a full-looking short page', async () => {
    const fetchPage = async (_window: ListWindow, number: number) => ({
      ...page(number, 2),
      messages: [],
    });
    expect(await collect(walkMessagePages(fetchPage, { now }))).toEqual([1, 2]);
  });

  it('stops when the total shrank', async () => {
    const fetchPage = async (_window: ListWindow, number: number) => {
      if (number === 3) {
        throw failureFromAnafMessage(
          'messagePage',
          'Pagina solicitata 3 este mai mare decat numarul toatal de pagini 2',
        );
      }
      return page(number, 3);
    };
    expect(await collect(walkMessagePages(fetchPage, { now }))).toEqual([1, 2]);
  });

  it('corrects the window once from server time', async () => {
    const windows: ListWindow[] = [];
    const fetchPage = async (window: ListWindow, number: number) => {
      windows.push(window);
      if (windows.length === 1) {
        throw failureFromAnafMessage(
          'messagePage',
          'endTime = 31-01-2025 11:59:00 nu poate in viitor fata de momentul requestului = 31-01-2025 11:50:00',
        );
      }
      return page(number, 1);
    };
    await collect(walkMessagePages(fetchPage, { now }));
    expect(windows[1]?.endTime.toISOString()).toBe('2025-01-31T09:49:00.000Z');
  });

  it('uses the corrected window for later pages', async () => {
    const windows: ListWindow[] = [];
    const fetchPage = async (window: ListWindow, number: number) => {
      windows.push(window);
      if (windows.length === 1) {
        throw failureFromAnafMessage(
          'messagePage',
          'endTime = 31-01-2025 11:59:00 nu poate in viitor fata de momentul requestului = 31-01-2025 11:50:00',
        );
      }
      return page(number, 2);
    };
    await collect(walkMessagePages(fetchPage, { now }));
    expect(windows[2]).toEqual(windows[1]);
  });

  it('corrects only once', async () => {
    let calls = 0;
    const fetchPage = async (): Promise<MessagePage> => {
      calls += 1;
      throw failureFromAnafMessage(
        'messagePage',
        'endTime = 31-01-2025 11:59:00 nu poate in viitor fata de momentul requestului = 31-01-2025 11:50:00',
      );
    };
    await expect(collect(walkMessagePages(fetchPage, { now }))).rejects.toThrow(
      'future',
    );
    expect(calls).toBe(2);
  });

  it('passes other failures through', async () => {
    const fetchPage = async (): Promise<MessagePage> => {
      throw failureFromAnafMessage(
        'messagePage',
        'Nu aveti drept in SPV pentru CIF=8000000000',
      );
    };
    await expect(collect(walkMessagePages(fetchPage, { now }))).rejects.toThrow(
      'SPV',
    );
  });

  it('fetches nothing without a window', async () => {
    let calls = 0;
    const fetchPage = async (_window: ListWindow, number: number) => {
      calls += 1;
      return page(number, 1);
    };
    const since = new Date('2025-01-31T09:59:30Z');
    await collect(walkMessagePages(fetchPage, { now, since }));
    expect(calls).toBe(0);
  });
});

/**
 * The old home of the Romania-time helpers, which now live in
 * `../time/romania-time.ts` so that the queue can share them.
 * TODO: delete this file once no module imports it.
 */
export * from '../time/romania-time.ts';

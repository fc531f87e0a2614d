import { defineEntity, p } from '@mikro-orm/core';
import { LIMITS } from '../contracts.js';

/**
 * `Idempotency-Key` of POST /api/tasks, per user: the first request's response, replayed to its
 * retries. Written in the transaction that creates the task, so a key never exists without its task.
 */
export const IdempotencyKeyEntity = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  indexes: [{ properties: ['userId', 'createdAt'] }],
  properties: {
    userId: p.string().length(255).primary(),
    key: p.string().length(LIMITS.idempotencyKey).primary(),
    /** SHA-256 of the request body: the same key with another body is refused, not replayed. */
    requestHash: p.string().length(64),
    responseStatus: p.integer().nullable(),
    responseBody: p.json<unknown>().nullable(),
    createdAt: p.datetime(),
  },
});

export class IdempotencyKey extends IdempotencyKeyEntity.class {}
IdempotencyKeyEntity.setClass(IdempotencyKey);

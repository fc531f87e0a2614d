import { afterAll, beforeAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestIssuer } from './auth.js';
import { startApi, type RunningApi } from './api.js';

export interface TestUser {
  id: string;
  token: string;
}

export interface Harness {
  api: RunningApi;
  issuer: TestIssuer;
  /** A new user with a fresh id, so test files sharing the database never see each other's rows. */
  newUser(): Promise<TestUser>;
  get(user: TestUser, path: string): request.Test;
  post(user: TestUser, path: string, body?: object): request.Test;
  patch(user: TestUser, path: string, body?: object): request.Test;
  del(user: TestUser, path: string): request.Test;
}

/** Starts an issuer and the api once for the calling test file, and stops them after it. */
export function useApi(env: Record<string, string> = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.issuer = await TestIssuer.start();
    harness.api = await startApi(harness.issuer, env);
  });
  afterAll(async () => {
    await harness.api?.close();
    await harness.issuer?.close();
  });
  const auth = (test: request.Test, user: TestUser) => test.set('authorization', `Bearer ${user.token}`);
  harness.newUser = async () => {
    const id = `user-${randomUUID()}`;
    return { id, token: await harness.issuer.token(id) };
  };
  harness.get = (user, path) => auth(request(harness.api.url).get(path), user);
  harness.post = (user, path, body = {}) => auth(request(harness.api.url).post(path), user).send(body);
  harness.patch = (user, path, body = {}) => auth(request(harness.api.url).patch(path), user).send(body);
  harness.del = (user, path) => auth(request(harness.api.url).delete(path), user);
  return harness;
}

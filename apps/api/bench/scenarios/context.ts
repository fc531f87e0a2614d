import { TEST_AUDIENCE, TEST_ISSUER, type TestIssuer } from '../../test/support/auth.js';
import type { ApiOptions } from '../support/api.js';
import type { LoadPlan } from '../support/load.js';
import type { ScenarioResult } from '../support/report.js';

export interface BenchContext {
  /** The run's own database, shared by every server of the run. */
  databaseUrl: string;
  /** Signs the JWTs the api (and the floor) verify, as the web's better-auth would. */
  issuer: TestIssuer;
}

export interface Scenario {
  name: string;
  plan: LoadPlan;
  /** The mock model's latency per call, in ms (ignored where there is no model). */
  modelMs: number;
  run(context: BenchContext, scenario: Scenario): Promise<ScenarioResult>;
}

/** The api options for tokens from the bench's issuer. */
export const apiOptions = ({ databaseUrl, issuer }: BenchContext): ApiOptions => ({
  databaseUrl,
  issuer: TEST_ISSUER,
  jwksUrl: issuer.jwksUrl,
  audience: TEST_AUDIENCE,
});

/** An Authorization header for a user of its own. */
export const bearer = async ({ issuer }: BenchContext, user: string) => ({
  authorization: `Bearer ${await issuer.token(user)}`,
});

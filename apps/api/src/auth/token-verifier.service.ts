import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '../common/config.js';

const ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];

export class InvalidTokenError extends Error {}

/** Verifies better-auth JWTs against web's JWKS (fetched lazily, cached and refreshed by jose). */
@Injectable()
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.keys = createRemoteJWKSet(new URL(config.auth.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
  }

  /** Returns the user id (`sub`) or throws InvalidTokenError with the reason. */
  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        algorithms: ALGORITHMS,
      });
      if (!payload.sub) throw new InvalidTokenError('token has no subject');
      return payload.sub;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
  }
}

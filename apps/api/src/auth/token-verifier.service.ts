import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '../common/config.js';

const ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];

/** The BFF mints tokens for one request (≤ 60 s); a longer-lived token is refused, so a leaked one is worth little. */
export const MAX_TOKEN_LIFETIME_SECONDS = 300;

const MISSING_CLAIMS: Record<string, string> = {
  exp: 'the token has no expiry (exp claim); tokens must expire',
  iat: 'the token has no issue time (iat claim)',
};

export class InvalidTokenError extends Error {}

/** Verifies better-auth JWTs against web's JWKS (fetched lazily, cached and refreshed by jose). */
@Injectable()
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.keys = createRemoteJWKSet(new URL(config.auth.jwksUrl), {
      cacheMaxAge: 10 * 60_000,
      cooldownDuration: 30_000,
    });
  }

  /** Returns the user id (`sub`) or throws InvalidTokenError with the reason. */
  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'iat'],
      });
      if (!payload.sub) throw new InvalidTokenError('token has no subject');
      if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) {
        throw new InvalidTokenError(`the token's lifetime (exp - iat) exceeds ${MAX_TOKEN_LIFETIME_SECONDS} seconds`);
      }
      return payload.sub;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (
        error instanceof errors.JWTClaimValidationFailed &&
        error.reason === 'missing' &&
        MISSING_CLAIMS[error.claim]
      ) {
        throw new InvalidTokenError(MISSING_CLAIMS[error.claim]!);
      }
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
  }
}

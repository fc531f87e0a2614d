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

/**
 * How many verified tokens are remembered. The BFF reuses a session's token for up to 45 s, so most
 * requests bring a token verified moments ago; the oldest entries make room for new ones.
 */
const REMEMBERED_TOKENS_MAX = 10_000;

export class InvalidTokenError extends Error {}

interface VerifiedToken {
  userId: string;
  /** The token's `exp`, in ms. */
  expiresAt: number;
}

/**
 * Verifies better-auth JWTs against web's JWKS (fetched lazily, cached and refreshed by jose). A token
 * that passed is remembered until it expires, so its next requests skip the signature check: the same
 * text was verified, and what could change since (the JWKS dropping its key) matters little for a token
 * that lives at most MAX_TOKEN_LIFETIME_SECONDS.
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /** Verified tokens by their text, oldest first. */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.keys = createRemoteJWKSet(new URL(config.auth.jwksUrl), {
      cacheMaxAge: 10 * 60_000,
      cooldownDuration: 30_000,
    });
  }

  /** Returns the user id (`sub`) or throws InvalidTokenError with the reason. */
  async verify(token: string): Promise<string> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.userId;
    // Expired, or new: the full check (an expired token fails it with jose's reason).
    this.verified.delete(token);
    const verified = await this.verifySignedToken(token);
    if (this.verified.size >= REMEMBERED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, verified);
    return verified.userId;
  }

  private async verifySignedToken(token: string): Promise<VerifiedToken> {
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
      return { userId: payload.sub, expiresAt: payload.exp! * 1000 };
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

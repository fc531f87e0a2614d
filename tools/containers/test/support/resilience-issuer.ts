import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the api containers get as BETTER_AUTH_URL: the tokens' issuer and audience. */
export const ISSUER = 'http://localhost:3000';

/**
 * Stands in for web's better-auth for api containers: like apps/api's TestIssuer, but its JWKS listens
 * on an address the containers can reach (a Docker network's gateway), not on 127.0.0.1.
 */
export class ContainerIssuer {
  private constructor(
    private readonly server: Server,
    private readonly host: string,
    private readonly kid: string,
    private readonly privateKey: CryptoKey,
  ) {}

  static async start(host: string): Promise<ContainerIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const kid = randomUUID();
    const body = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' }] });
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
    return new ContainerIssuer(server, host, kid, privateKey);
  }

  get jwksUrl(): string {
    return `http://${this.host}:${(this.server.address() as AddressInfo).port}/api/auth/jwks`;
  }

  token(sub: string): Promise<string> {
    return new SignJWT({ email: `${sub}@example.test` })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime('4m')
      .sign(this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AccountModule } from './account/account.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ChatModule } from './chat/chat.module.js';
import { Clock } from './common/clock.js';
import { APP_CONFIG, type AppConfig } from './common/config.js';
import { newRequestId, type RequestWithId } from './common/request-context.js';
import { ormConfig } from './database/orm.config.js';
import { HealthModule } from './health/health.module.js';
import { McpModule } from './mcp/mcp.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { TasksModule } from './tasks/tasks.module.js';

export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
}

@Global()
@Module({})
class ConfigModule {
  static register(config: RuntimeConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock],
      exports: [APP_CONFIG, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static register(config: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // The id requestIdMiddleware assigned (an incoming X-Request-Id or a fresh one).
            genReqId: (request) => (request as RequestWithId).id ?? newRequestId(),
            // The client's address as Express sees it: X-Forwarded-For only behind TRUSTED_PROXIES.
            customProps: (request) => ({ client_ip: (request as RequestWithId).ip }),
            // Probes and scrapes every few seconds would drown the useful lines.
            autoLogging: { ignore: (request) => ['/health', '/ready', '/metrics'].includes(request.url ?? '') },
            // One short line per request: its id, method, path and status, not every header of both sides.
            serializers: {
              req: (request: { id: unknown; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        MikroOrmModule.forRoot(ormConfig({ url: config.databaseUrl, poolMax: config.dbPoolMax })),
        MetricsModule,
        AuthModule,
        HealthModule,
        TasksModule,
        McpModule,
        ChatModule,
        AccountModule,
      ],
    };
  }
}

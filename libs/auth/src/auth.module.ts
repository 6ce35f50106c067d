import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Environment } from '@lotse/config';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { AuthResolver } from './graphql/auth.resolver';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [Environment],
      // Without a configured secret (development) tokens are signed with a per-process key: they
      // simply stop working after a restart.
      useFactory: (env: Environment) => ({ secret: env.JWT_SECRET ?? randomBytes(48).toString('base64'), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AuthRepository, AuthService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}

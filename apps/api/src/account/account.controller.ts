import { Controller, Delete, HttpCode } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AccountService } from './account.service.js';

/**
 * The web calls this when a user deletes their account, after it checked their password. It is not a
 * browser route: through the proxy, a session alone could erase everything without that confirmation.
 */
@Controller('api/account')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Delete()
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.account.deleteEverything(user.id);
  }
}

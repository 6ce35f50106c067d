import { createInterface } from 'node:readline';
import { INestApplicationContext } from '@nestjs/common';
import { AuthService } from '@lotse/auth';
import { Role } from '@lotse/common';

export const ACCOUNT_USAGE = `  create-admin <email> [--name <display name>]
                                       create an admin account; the password comes from LOTSE_ADMIN_PASSWORD
                                       or is read from standard input (never from the command line)
  team-add <email> --team <name>       put a coach into a team (created on first use): coaches of a team see each other's referrals
  team-remove <email> --team <name>    take a coach out of a team`;

async function readPassword(): Promise<string> {
  if (process.env.LOTSE_ADMIN_PASSWORD) return process.env.LOTSE_ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

function teamArgs(command: string, args: string[]): { email: string; team: string } {
  const teamAt = args.indexOf('--team');
  const team = teamAt >= 0 ? args[teamAt + 1] : undefined;
  const email = args.find((a, i) => !a.startsWith('--') && i !== teamAt + 1);
  if (!email || !team) throw new Error(`${command} needs an e-mail address and --team <name>`);
  return { email, team };
}

export const ACCOUNT_COMMANDS: Record<string, (app: INestApplicationContext, args: string[]) => Promise<void>> = {
  async 'team-add'(app, args) {
    const { email, team } = teamArgs('team-add', args);
    await app.get(AuthService).addToTeam(email, team);
    process.stdout.write(`${email} is in team "${team}".\n`);
  },
  async 'team-remove'(app, args) {
    const { email, team } = teamArgs('team-remove', args);
    const removed = await app.get(AuthService).removeFromTeam(email, team);
    process.stdout.write(removed ? `${email} left team "${team}".\n` : `${email} was not in team "${team}".\n`);
  },
  async 'create-admin'(app, args) {
    const email = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--name');
    if (!email) throw new Error('create-admin needs an e-mail address');
    const nameAt = args.indexOf('--name');
    const displayName = nameAt >= 0 ? args[nameAt + 1] : 'Administration';
    const id = await app.get(AuthService).createUser({ email, password: await readPassword(), displayName, role: Role.ADMIN });
    process.stdout.write(`Admin ${email} created (${id}). Log in with the login mutation.\n`);
  },
};

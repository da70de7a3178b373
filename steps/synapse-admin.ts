import { synapseRowExists } from './synapse/database-row.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import { secretToken } from '../src/secrets/tokens.js';
import { REGISTER_URL, registerAdmin } from './synapse/register-admin.js';
import { synapseLayout } from './synapse/sources.js';

/**
 * The first administrator, created through Synapse's shared-secret registration API (the
 * secret is in matrix-setup's config, not in the packaged homeserver.yaml). Skipped when the
 * account exists. A generated password is kept 0600 in matrix-setup's secrets file and shown
 * once at the end of the run, never in the log.
 */
export const synapseAdminStep: Step = {
  id: 'synapse-admin',
  title: 'Create the admin account',
  needs: ['synapse-service'],
  skip({ answers }) {
    return answers.admin.enabled ? undefined : 'admin.enabled is false';
  },
  plan({ answers, target }): Action[] {
    const userId = `@${answers.admin.username}:${answers.server_name}`;
    const layout = synapseLayout(answers, target);
    return [
      {
        kind: 'task',
        description: `Create the admin account ${userId} unless it exists (the same as \`${layout.registerTool} --admin\`, without a password on a command line)`,
        shows: [
          { argv: ['SELECT', '1', 'FROM', 'users', 'WHERE', 'name', '=', `'${userId}'`], when: `read-only, as ${answers.database.user} on ${answers.database.name}` },
          { argv: ['GET', REGISTER_URL], when: 'when the account is missing: a registration nonce' },
          {
            argv: ['POST', REGISTER_URL],
            stdin: JSON.stringify({ nonce: '<nonce>', username: answers.admin.username, password: secretToken('admin_password'), admin: true, mac: `<HMAC-SHA1 with ${secretToken('registration_shared_secret')}>` }),
          },
        ],
        check: (ctx) => adminExists(ctx, userId),
        async run(ctx) {
          const outcome = await registerAdmin({
            username: ctx.answers.admin.username,
            password: ctx.secrets.get('admin_password'),
            sharedSecret: ctx.secrets.get('registration_shared_secret'),
          });
          ctx.note(
            outcome === 'created'
              ? `Created the admin account ${userId}${ctx.secrets.isGenerated('admin_password') ? ' (its generated password is shown once when the run ends)' : ' with the password from the answers'}.`
              : `${userId} already exists; left as it is.`,
          );
        },
      },
    ];
  },
};

async function adminExists(ctx: RunContext, userId: string): Promise<boolean> {
  return synapseRowExists(ctx, 'SELECT 1 FROM users WHERE name = $1', [userId]);
}

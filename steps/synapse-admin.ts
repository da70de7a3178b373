import { synapseRowExists } from './synapse/database-row.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import { secretToken } from '../src/secrets/tokens.js';
import { REGISTER_URL, registerAdmin } from './synapse/register-admin.js';
import { synapseLayout } from './synapse/sources.js';
import { synapseText as t } from '../src/i18n/messages/steps-synapse.js';

/**
 * The first administrator, created through Synapse's shared-secret registration API (the
 * secret is in matrix-setup's config, not in the packaged homeserver.yaml). Skipped when the
 * account exists. A generated password is kept 0600 in matrix-setup's secrets file and shown
 * once at the end of the run, never in the log.
 */
export const synapseAdminStep: Step = {
  id: 'synapse-admin',
  title: t.adminTitle,
  needs: ['synapse-service'],
  skip({ answers }) {
    return answers.admin.enabled ? undefined : t.adminDisabled;
  },
  plan({ answers, target }): Action[] {
    const userId = `@${answers.admin.username}:${answers.server_name}`;
    const layout = synapseLayout(answers, target);
    return [
      {
        kind: 'task',
        description: t.adminTask({ user: userId, tool: layout.registerTool }),
        shows: [
          { argv: ['SELECT', '1', 'FROM', 'users', 'WHERE', 'name', '=', `'${userId}'`], when: t.readOnlyAs({ user: answers.database.user, name: answers.database.name }) },
          { argv: ['GET', REGISTER_URL], when: t.whenNonce },
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
          const created = ctx.secrets.isGenerated('admin_password') ? t.adminCreatedGenerated : t.adminCreatedGiven;
          ctx.note((outcome === 'created' ? created : t.adminExists)({ user: userId }));
        },
      },
    ];
  },
};

async function adminExists(ctx: RunContext, userId: string): Promise<boolean> {
  return synapseRowExists(ctx, 'SELECT 1 FROM users WHERE name = $1', [userId]);
}

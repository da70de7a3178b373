import { questionText as q } from '../../i18n/messages/questions.js';
import { domainOf, example, schemaChoices } from './helpers.js';
import type { Question, QuestionContext } from './types.js';

const external = ({ draft }: QuestionContext) => draft.database?.mode === 'external';

export const DATABASE_QUESTIONS: Question[] = [
  {
    id: 'database.mode',
    kind: 'choice',
    group: 'database',
    path: 'database.mode',
    title: q.databaseModeTitle,
    help: q.databaseModeHelp,
    choices: () => schemaChoices('database.mode', { local: q.databaseLocal, external: q.databaseExternal }),
  },
  { id: 'database.host', kind: 'text', group: 'database', path: 'database.host', title: q.databaseHostTitle, ask: external, placeholder: (ctx) => example(`db.${domainOf(ctx)}`) },
  { id: 'database.port', kind: 'text', group: 'database', path: 'database.port', title: q.databasePortTitle, ask: external },
  {
    id: 'database.sslmode',
    kind: 'choice',
    group: 'database',
    path: 'database.sslmode',
    title: q.databaseSslTitle,
    ask: external,
    choices: () => schemaChoices('database.sslmode'),
  },
  { id: 'database.name', kind: 'text', group: 'database', path: 'database.name', title: q.databaseNameTitle, ask: external },
  { id: 'database.user', kind: 'text', group: 'database', path: 'database.user', title: q.databaseUserTitle, ask: external },
  {
    id: 'database.password_file',
    kind: 'text',
    group: 'database',
    path: 'database.password_file',
    title: q.databasePasswordTitle,
    help: q.databasePasswordHelp,
    ask: external,
    placeholder: example('/root/synapse-db-password'),
  },
  {
    id: 'database.admin_user',
    kind: 'text',
    group: 'database',
    path: 'database.admin_user',
    title: q.databaseAdminTitle,
    ask: external,
    placeholder: q.databaseAdminPlaceholder,
  },
  {
    id: 'database.admin_password_file',
    kind: 'text',
    group: 'database',
    path: 'database.admin_password_file',
    title: q.databaseAdminPasswordTitle,
    ask: (ctx) => external(ctx) && Boolean(ctx.draft.database?.admin_user),
    placeholder: example('/root/postgres-admin-password'),
  },
  {
    id: 'database.test',
    kind: 'database-test',
    group: 'database',
    title: q.databaseTestTitle,
    help: q.databaseTestHelp,
    ask: external,
  },
];

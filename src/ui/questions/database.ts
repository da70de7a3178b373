import { domainOf, schemaChoices } from './helpers.js';
import type { Question, QuestionContext } from './types.js';

const external = ({ draft }: QuestionContext) => draft.database?.mode === 'external';

export const DATABASE_QUESTIONS: Question[] = [
  {
    id: 'database.mode',
    kind: 'choice',
    group: 'database',
    path: 'database.mode',
    title: 'Where should the PostgreSQL database run?',
    help: 'Synapse keeps everything in PostgreSQL. A local one is installed and set up for you; an existing server is tested before the install starts.',
    choices: () => schemaChoices('database.mode', { local: 'On this machine', external: 'An existing server' }),
  },
  { id: 'database.host', kind: 'text', group: 'database', path: 'database.host', title: 'Database server host', ask: external, placeholder: (ctx) => `e.g. db.${domainOf(ctx)}` },
  { id: 'database.port', kind: 'text', group: 'database', path: 'database.port', title: 'Database server port', ask: external },
  {
    id: 'database.sslmode',
    kind: 'choice',
    group: 'database',
    path: 'database.sslmode',
    title: 'TLS for the database connection',
    ask: external,
    choices: () => schemaChoices('database.sslmode'),
  },
  { id: 'database.name', kind: 'text', group: 'database', path: 'database.name', title: 'Database name', ask: external },
  { id: 'database.user', kind: 'text', group: 'database', path: 'database.user', title: 'Role Synapse connects as', ask: external },
  {
    id: 'database.password_file',
    kind: 'text',
    group: 'database',
    path: 'database.password_file',
    title: "File holding that role's password",
    help: 'The answers file only refers to secrets: put the password in a file readable by root (first line) and give its path.',
    ask: external,
    placeholder: 'e.g. /root/synapse-db-password',
  },
  {
    id: 'database.admin_user',
    kind: 'text',
    group: 'database',
    path: 'database.admin_user',
    title: 'Administrator role to create the role and database (optional)',
    ask: external,
    placeholder: 'empty: the role and database exist',
  },
  {
    id: 'database.admin_password_file',
    kind: 'text',
    group: 'database',
    path: 'database.admin_password_file',
    title: "File holding the administrator's password",
    ask: (ctx) => external(ctx) && Boolean(ctx.draft.database?.admin_user),
    placeholder: 'e.g. /root/postgres-admin-password',
  },
  {
    id: 'database.test',
    kind: 'database-test',
    group: 'database',
    title: 'Testing the database connection',
    help: 'Connecting with these answers, as Synapse will: version, encoding and collation, and the right to create tables.',
    ask: external,
  },
];

/**
 * Every key of the answers file (version 1), in the order the saved file lists them.
 * This is the single source of truth: validation, defaults, the JSON Schema
 * (schema/answers.schema.json), the example file and the wizard's help come from here.
 * Rules that relate keys in different sections live in rules.ts.
 */
import type { SectionOf } from './field-spec.js';
import type { Answers } from './types.js';
import { fieldText } from '../i18n/messages/answers-schema.js';

export const LETS_ENCRYPT_DIRECTORY = 'https://acme-v02.api.letsencrypt.org/directory';

const letsencrypt = { key: 'mode', equals: 'letsencrypt' } as const;
const existing = { key: 'mode', equals: 'existing' } as const;
const external = { key: 'mode', equals: 'external' } as const;
const enabled = { key: 'enabled', equals: true } as const;
const byToken = { key: 'registration', equals: 'token' } as const;

export const answersSchema = {
  type: 'section',
  description: fieldText.answers,
  fields: {
    version: {
      type: 'const',
      value: 1,
      required: true,
      requiredBecause: fieldText.version_required,
      description: fieldText.version,
    },
    server_name: {
      type: 'string',
      format: 'server-name',
      required: true,
      requiredBecause: fieldText.server_name_required,
      example: 'example.org',
      description:
        fieldText.server_name,
    },
    synapse_host: {
      type: 'string',
      format: 'public-host',
      default: { derive: (a) => a.server_name, text: 'the server_name' },
      example: 'matrix.example.org',
      description:
        fieldText.synapse_host,
    },
    federation: {
      type: 'boolean',
      default: true,
      description: fieldText.federation,
    },
    delegation: {
      type: 'string',
      choices: {
        auto: fieldText['delegation.auto'],
        'well-known': fieldText['delegation.well-known'],
        none: fieldText['delegation.none'],
      },
      default: 'auto',
      description:
        fieldText.delegation,
    },
    tls: {
      type: 'section',
      description: fieldText.tls,
      fields: {
        mode: {
          type: 'string',
          choices: {
            letsencrypt: fieldText['tls.mode.letsencrypt'],
            existing: fieldText['tls.mode.existing'],
            'self-signed': fieldText['tls.mode.self-signed'],
          },
          default: 'letsencrypt',
          description: fieldText['tls.mode'],
        },
        email: {
          type: 'string',
          format: 'email',
          when: letsencrypt,
          required: letsencrypt,
          requiredBecause: fieldText['tls.email.required'],
          example: 'admin@example.org',
          description: fieldText['tls.email'],
        },
        acme_directory: {
          type: 'string',
          format: 'https-url',
          when: letsencrypt,
          default: LETS_ENCRYPT_DIRECTORY,
          description:
            fieldText['tls.acme_directory'],
        },
        acme_ca_bundle: {
          type: 'string',
          format: 'config-path',
          when: letsencrypt,
          example: '/etc/ssl/private-acme-ca.pem',
          description: fieldText['tls.acme_ca_bundle'],
        },
        cert_path: {
          type: 'string',
          format: 'config-path',
          when: existing,
          required: existing,
          requiredBecause: fieldText['tls.cert_path.required'],
          example: '/etc/ssl/example.org/fullchain.pem',
          description: fieldText['tls.cert_path'],
        },
        key_path: {
          type: 'string',
          format: 'config-path',
          when: existing,
          required: existing,
          requiredBecause: fieldText['tls.key_path.required'],
          example: '/etc/ssl/example.org/privkey.pem',
          description: fieldText['tls.key_path'],
        },
      },
    },
    database: {
      type: 'section',
      description: fieldText.database,
      fields: {
        mode: {
          type: 'string',
          choices: {
            local: fieldText['database.mode.local'],
            external: fieldText['database.mode.external'],
          },
          default: 'local',
          description: fieldText['database.mode'],
        },
        name: {
          type: 'string',
          format: 'pg-identifier',
          default: 'synapse',
          description: fieldText['database.name'],
        },
        user: {
          type: 'string',
          format: 'pg-identifier',
          default: 'synapse_user',
          description: fieldText['database.user'],
        },
        host: {
          type: 'string',
          format: 'host',
          when: external,
          required: external,
          requiredBecause: fieldText['database.host.required'],
          default: { derive: (a) => (a.database?.mode === 'external' ? undefined : '127.0.0.1'), text: '127.0.0.1 for a local database' },
          example: 'db.example.org',
          description: fieldText['database.host'],
        },
        port: {
          type: 'integer',
          min: 1,
          max: 65535,
          default: 5432,
          description: fieldText['database.port'],
        },
        sslmode: {
          type: 'string',
          choices: {
            disable: fieldText['database.sslmode.disable'],
            prefer: fieldText['database.sslmode.prefer'],
            require: fieldText['database.sslmode.require'],
            'verify-ca': fieldText['database.sslmode.verify-ca'],
            'verify-full': fieldText['database.sslmode.verify-full'],
          },
          when: external,
          default: {
            derive: (a) => (a.database?.mode === 'external' ? 'verify-full' : 'prefer'),
            text: 'verify-full for an external database',
          },
          example: 'verify-full',
          description:
            fieldText['database.sslmode'],
        },
        password: {
          type: 'secret',
          required: external,
          requiredBecause: fieldText['database.password.required'],
          example: '/root/synapse-db-password',
          description:
            fieldText['database.password'],
        },
        admin_user: {
          type: 'string',
          format: 'pg-identifier',
          when: external,
          example: 'postgres',
          description: fieldText['database.admin_user'],
        },
        admin_password: {
          type: 'secret',
          when: external,
          example: '/root/postgres-admin-password',
          description: fieldText['database.admin_password'],
        },
      },
    },
    synapse: {
      type: 'section',
      description: fieldText.synapse,
      fields: {
        install: {
          type: 'string',
          choices: {
            auto: fieldText['synapse.install.auto'],
            apt: fieldText['synapse.install.apt'],
            distro: fieldText['synapse.install.distro'],
            venv: fieldText['synapse.install.venv'],
          },
          default: 'auto',
          description: fieldText['synapse.install'],
        },
        version: {
          type: 'string',
          format: 'version',
          default: 'latest',
          description: fieldText['synapse.version'],
        },
        registration: {
          type: 'string',
          choices: {
            disabled: fieldText['synapse.registration.disabled'],
            token: fieldText['synapse.registration.token'],
            open: fieldText['synapse.registration.open'],
          },
          default: 'disabled',
          description: fieldText['synapse.registration'],
        },
        registration_token_uses: {
          type: 'integer',
          min: 1,
          max: 100000,
          when: byToken,
          default: 10,
          description:
            fieldText['synapse.registration_token_uses'],
        },
        registration_token_days: {
          type: 'integer',
          min: 1,
          max: 365,
          when: byToken,
          default: 7,
          description: fieldText['synapse.registration_token_days'],
        },
        max_upload_size: {
          type: 'string',
          format: 'size',
          default: '50M',
          description: fieldText['synapse.max_upload_size'],
        },
        presence: {
          type: 'boolean',
          default: true,
          description: fieldText['synapse.presence'],
        },
        url_previews: {
          type: 'boolean',
          default: false,
          description: fieldText['synapse.url_previews'],
        },
        report_stats: {
          type: 'boolean',
          default: false,
          description: fieldText['synapse.report_stats'],
        },
        cache_factor: {
          type: 'number',
          above: 0,
          max: 100,
          example: 2,
          description: fieldText['synapse.cache_factor'],
        },
        open_files_limit: {
          type: 'integer',
          min: 1024,
          max: 1048576,
          default: 65536,
          description: fieldText['synapse.open_files_limit'],
        },
      },
    },
    admin: {
      type: 'section',
      description: fieldText.admin,
      fields: {
        enabled: {
          type: 'boolean',
          default: true,
          description: fieldText['admin.enabled'],
        },
        username: {
          type: 'string',
          format: 'localpart',
          default: 'admin',
          description: fieldText['admin.username'],
        },
        password: {
          type: 'secret',
          example: '/root/matrix-admin-password',
          description: fieldText['admin.password'],
        },
      },
    },
    element: {
      type: 'section',
      description: fieldText.element,
      fields: {
        enabled: { type: 'boolean', default: true, description: fieldText['element.enabled'] },
        host: {
          type: 'string',
          format: 'public-host',
          default: { derive: (a) => (a.server_name ? `element.${a.server_name}` : undefined), text: 'element.<server_name>' },
          example: 'element.example.org',
          description: fieldText['element.host'],
        },
        version: {
          type: 'string',
          format: 'version',
          default: 'latest',
          description: fieldText['element.version'],
        },
        tarball: {
          type: 'string',
          format: 'path-or-https-url',
          example: '/root/element-v1.11.90.tar.gz',
          description: fieldText['element.tarball'],
        },
        sha256: {
          type: 'string',
          format: 'sha256',
          required: { key: 'tarball', present: true },
          requiredBecause: fieldText['element.sha256.required'],
          example: '0000000000000000000000000000000000000000000000000000000000000000',
          description: fieldText['element.sha256'],
        },
      },
    },
    turn: {
      type: 'section',
      description: fieldText.turn,
      fields: {
        enabled: { type: 'boolean', default: false, description: fieldText['turn.enabled'] },
        external_ip: {
          type: 'string',
          format: 'ip',
          example: '203.0.113.10',
          description: fieldText['turn.external_ip'],
        },
        private_ip: {
          type: 'string',
          format: 'ip',
          example: '10.0.0.5',
          description: fieldText['turn.private_ip'],
        },
        min_port: {
          type: 'integer',
          min: 1024,
          max: 65535,
          default: 49152,
          description: fieldText['turn.min_port'],
        },
        max_port: {
          type: 'integer',
          min: 1024,
          max: 65535,
          default: 65535,
          description: fieldText['turn.max_port'],
        },
      },
    },
    email: {
      type: 'section',
      description: fieldText.email,
      mappingHint: fieldText['email.mapping'],
      fields: {
        enabled: { type: 'boolean', default: false, description: fieldText['email.enabled'] },
        smtp_host: {
          type: 'string',
          format: 'host',
          required: enabled,
          requiredBecause: fieldText['email.smtp_host.required'],
          example: 'smtp.example.org',
          description: fieldText['email.smtp_host'],
        },
        smtp_port: {
          type: 'integer',
          min: 1,
          max: 65535,
          default: {
            derive: (a) => ({ starttls: 587, tls: 465, none: 25 })[a.email?.tls ?? 'starttls'],
            text: '587 with starttls, 465 with tls, 25 with none',
          },
          description: fieldText['email.smtp_port'],
        },
        tls: {
          type: 'string',
          choices: {
            starttls: fieldText['email.tls.starttls'],
            tls: fieldText['email.tls.tls'],
            none: fieldText['email.tls.none'],
          },
          default: 'starttls',
          description: fieldText['email.tls'],
        },
        smtp_user: {
          type: 'string',
          format: 'smtp-user',
          example: 'matrix@example.org',
          description: fieldText['email.smtp_user'],
        },
        smtp_password: {
          type: 'secret',
          example: '/root/smtp-password',
          description: fieldText['email.smtp_password'],
        },
        notif_from: {
          type: 'string',
          format: 'mail-from',
          required: enabled,
          requiredBecause: fieldText['email.notif_from.required'],
          example: 'Matrix <noreply@example.org>',
          description: fieldText['email.notif_from'],
        },
      },
    },
    firewall: {
      type: 'string',
      choices: {
        auto: fieldText['firewall.auto'],
        skip: fieldText['firewall.skip'],
      },
      default: 'auto',
      description: fieldText.firewall,
    },
    automatic_updates: {
      type: 'boolean',
      default: false,
      description:
        fieldText.automatic_updates,
    },
  },
} as const satisfies SectionOf<Answers>;

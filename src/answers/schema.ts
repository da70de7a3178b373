/**
 * Every key of the answers file (version 1), in the order the saved file lists them.
 * This is the single source of truth: validation, defaults, the JSON Schema
 * (schema/answers.schema.json), the example file and the wizard's help come from here.
 * Rules that relate keys in different sections live in rules.ts.
 */
import type { SectionOf } from './field-spec.js';
import type { Answers } from './types.js';

export const LETS_ENCRYPT_DIRECTORY = 'https://acme-v02.api.letsencrypt.org/directory';

const letsencrypt = { key: 'mode', equals: 'letsencrypt' } as const;
const existing = { key: 'mode', equals: 'existing' } as const;
const external = { key: 'mode', equals: 'external' } as const;
const enabled = { key: 'enabled', equals: true } as const;
const byToken = { key: 'registration', equals: 'token' } as const;

export const answersSchema = {
  type: 'section',
  description: 'Answers for matrix-setup: what to install and how. Secrets are given by reference (a file or an environment variable), never inline.',
  fields: {
    version: {
      type: 'const',
      value: 1,
      required: true,
      requiredBecause: 'add `version: 1` as the first line',
      description: 'Format version of this file. Always 1.',
    },
    server_name: {
      type: 'string',
      format: 'server-name',
      required: true,
      requiredBecause: 'it is your Matrix domain, the part after the colon in @alice:example.org',
      example: 'example.org',
      description:
        'Your Matrix domain: the part after the colon in @alice:example.org. It is permanent: it can never be changed after the first start.',
    },
    synapse_host: {
      type: 'string',
      format: 'public-host',
      default: { derive: (a) => a.server_name, text: 'the server_name' },
      example: 'matrix.example.org',
      description:
        'The host name that serves Synapse to clients and other servers. Use another name than server_name (such as matrix.example.org) to keep the website of server_name elsewhere.',
    },
    federation: {
      type: 'boolean',
      default: true,
      description: 'Talk to other Matrix servers. Turn off for a private, closed server.',
    },
    delegation: {
      type: 'string',
      choices: {
        auto: 'serve .well-known files on server_name when synapse_host differs from it',
        'well-known': 'always serve them (synapse_host must differ from server_name)',
        none: 'serve none (the host of server_name already does, or nobody needs them)',
      },
      default: 'auto',
      description:
        'How clients and servers find synapse_host from server_name: /.well-known/matrix/server and /.well-known/matrix/client on https://<server_name>.',
    },
    tls: {
      type: 'section',
      description: 'The HTTPS certificate for synapse_host, element.host and (with delegation) server_name.',
      fields: {
        mode: {
          type: 'string',
          choices: {
            letsencrypt: "a free certificate from Let's Encrypt (or another ACME server), renewed automatically",
            existing: 'a certificate you already have (cert_path and key_path)',
            'self-signed': 'for tests only: browsers warn and other servers refuse to federate',
          },
          default: 'letsencrypt',
          description: 'Where the certificate comes from.',
        },
        email: {
          type: 'string',
          format: 'email',
          when: letsencrypt,
          required: letsencrypt,
          requiredBecause: 'the ACME account needs an address for expiry and security notices',
          example: 'admin@example.org',
          description: 'Address for the ACME account: expiry and security notices go there.',
        },
        acme_directory: {
          type: 'string',
          format: 'https-url',
          when: letsencrypt,
          default: LETS_ENCRYPT_DIRECTORY,
          description:
            "ACME directory URL. The default is Let's Encrypt's production service; use https://acme-staging-v02.api.letsencrypt.org/directory to try things out.",
        },
        acme_ca_bundle: {
          type: 'string',
          format: 'config-path',
          when: letsencrypt,
          example: '/etc/ssl/private-acme-ca.pem',
          description: 'CA bundle (PEM) to trust when the ACME server uses a private CA. Not needed for Let\'s Encrypt.',
        },
        cert_path: {
          type: 'string',
          format: 'config-path',
          when: existing,
          required: existing,
          requiredBecause: 'an existing certificate needs its file',
          example: '/etc/ssl/example.org/fullchain.pem',
          description: 'PEM certificate chain (full chain) covering every host name served.',
        },
        key_path: {
          type: 'string',
          format: 'config-path',
          when: existing,
          required: existing,
          requiredBecause: 'an existing certificate needs its private key',
          example: '/etc/ssl/example.org/privkey.pem',
          description: 'PEM private key of that certificate.',
        },
      },
    },
    database: {
      type: 'section',
      description: 'The PostgreSQL database of Synapse.',
      fields: {
        mode: {
          type: 'string',
          choices: {
            local: 'install PostgreSQL on this machine (recommended)',
            external: 'use a PostgreSQL server elsewhere (host and password needed)',
          },
          default: 'local',
          description: 'Where the database runs.',
        },
        name: {
          type: 'string',
          format: 'pg-identifier',
          default: 'synapse',
          description: 'Database name. It is created UTF8 with C collation, as Synapse requires.',
        },
        user: {
          type: 'string',
          format: 'pg-identifier',
          default: 'synapse_user',
          description: 'Role Synapse connects as; it owns the database.',
        },
        host: {
          type: 'string',
          format: 'host',
          when: external,
          required: external,
          requiredBecause: 'an external database needs its address',
          default: { derive: (a) => (a.database?.mode === 'external' ? undefined : '127.0.0.1'), text: '127.0.0.1 for a local database' },
          example: 'db.example.org',
          description: 'Host name or IP address of the external PostgreSQL server (a local one is reached on 127.0.0.1).',
        },
        port: {
          type: 'integer',
          min: 1,
          max: 65535,
          default: 5432,
          description: 'Port of the PostgreSQL server (a local one listens on 127.0.0.1 at this port; 5432 unless you run it elsewhere).',
        },
        sslmode: {
          type: 'string',
          choices: {
            disable: 'no TLS',
            prefer: 'TLS when the server offers it',
            require: 'TLS always, certificate not checked',
            'verify-ca': 'TLS, certificate signed by a trusted CA',
            'verify-full': 'TLS, trusted certificate for this host name',
          },
          when: external,
          default: {
            derive: (a) => (a.database?.mode === 'external' ? 'verify-full' : 'prefer'),
            text: 'verify-full for an external database',
          },
          example: 'verify-full',
          description:
            "TLS for the connection to an external database (libpq sslmode). verify-full checks the server's certificate against this machine's CAs and its host name, so the password goes to that server only.",
        },
        password: {
          type: 'secret',
          required: external,
          requiredBecause: 'matrix-setup cannot know the password of an external database',
          example: '/root/synapse-db-password',
          description:
            'Password of the Synapse role. For a local database it is generated and kept in /var/lib/matrix-setup/secrets.yaml when not given.',
        },
        admin_user: {
          type: 'string',
          format: 'pg-identifier',
          when: external,
          example: 'postgres',
          description: 'External only: an administrator role used once to create the Synapse role and database. Leave out if they exist.',
        },
        admin_password: {
          type: 'secret',
          when: external,
          example: '/root/postgres-admin-password',
          description: 'External only: password of admin_user.',
        },
      },
    },
    synapse: {
      type: 'section',
      description: 'The Synapse homeserver.',
      fields: {
        install: {
          type: 'string',
          choices: {
            auto: "the best method that works on the system: the distribution's own package where there is one (Debian unstable), else the matrix.org APT repository (Debian, Ubuntu on amd64), else a Python virtualenv",
            apt: 'the matrix.org APT repository (Debian, Ubuntu)',
            distro: "the distribution's own package",
            venv: 'a Python virtualenv with Synapse from PyPI',
          },
          default: 'auto',
          description: 'How Synapse is installed.',
        },
        version: {
          type: 'string',
          format: 'version',
          default: 'latest',
          description: 'Synapse release: latest, or an exact version such as 1.120.0 (pinned for venv installs).',
        },
        registration: {
          type: 'string',
          choices: {
            disabled: 'only the admin creates accounts',
            token: 'people register with a token the admin hands out',
            open: 'anyone can register (needs email verification: email.enabled)',
          },
          default: 'disabled',
          description: 'Who may create an account.',
        },
        registration_token_uses: {
          type: 'integer',
          min: 1,
          max: 100000,
          when: byToken,
          default: 10,
          description:
            'How many accounts the first registration token may create (it is shown once when the install ends). Make more tokens with the admin API.',
        },
        registration_token_days: {
          type: 'integer',
          min: 1,
          max: 365,
          when: byToken,
          default: 7,
          description: 'Days the first registration token stays valid after it is created.',
        },
        max_upload_size: {
          type: 'string',
          format: 'size',
          default: '50M',
          description: "Largest file users can upload, such as 50M or 1G. nginx's body size limit follows it.",
        },
        presence: {
          type: 'boolean',
          default: true,
          description: 'Share online/offline status. Turning it off saves CPU on busy servers.',
        },
        url_previews: {
          type: 'boolean',
          default: false,
          description: 'Fetch previews of links posted in rooms. The server then requests URLs on users\' behalf (private ranges stay blocked).',
        },
        report_stats: {
          type: 'boolean',
          default: false,
          description: 'Send anonymous usage statistics to matrix.org.',
        },
        cache_factor: {
          type: 'number',
          above: 0,
          max: 100,
          example: 2,
          description: "Synapse's cache size multiplier (SYNAPSE_CACHE_FACTOR). Leave out for Synapse's default (0.5); raise on servers with RAM to spare.",
        },
        open_files_limit: {
          type: 'integer',
          min: 1024,
          max: 1048576,
          default: 65536,
          description: 'Open file limit of the service (LimitNOFILE); federation with many servers needs a high one.',
        },
      },
    },
    admin: {
      type: 'section',
      description: 'The first administrator account.',
      fields: {
        enabled: {
          type: 'boolean',
          default: true,
          description: 'Create an administrator account (skipped when it already exists).',
        },
        username: {
          type: 'string',
          format: 'localpart',
          default: 'admin',
          description: 'User name of the admin: admin becomes @admin:<server_name>.',
        },
        password: {
          type: 'secret',
          example: '/root/matrix-admin-password',
          description: 'Password of the admin. When not given it is generated, shown once, and kept in /var/lib/matrix-setup/secrets.yaml.',
        },
      },
    },
    element: {
      type: 'section',
      description: 'Element Web, the browser client.',
      fields: {
        enabled: { type: 'boolean', default: true, description: 'Install Element Web.' },
        host: {
          type: 'string',
          format: 'public-host',
          default: { derive: (a) => (a.server_name ? `element.${a.server_name}` : undefined), text: 'element.<server_name>' },
          example: 'element.example.org',
          description: 'Host name Element Web is served on. Its own name keeps it apart from Synapse, as Element recommends.',
        },
        version: {
          type: 'string',
          format: 'version',
          default: 'latest',
          description: 'Element Web release to download: latest, or an exact version such as 1.11.90.',
        },
        tarball: {
          type: 'string',
          format: 'path-or-https-url',
          example: '/root/element-v1.11.90.tar.gz',
          description: 'Use this release tarball (a local path or an https URL) instead of the download, for offline servers. Needs sha256.',
        },
        sha256: {
          type: 'string',
          format: 'sha256',
          required: { key: 'tarball', present: true },
          requiredBecause: 'a tarball is only unpacked when its checksum matches',
          example: '0000000000000000000000000000000000000000000000000000000000000000',
          description: 'SHA-256 of the tarball (64 hex characters), checked before it is unpacked.',
        },
      },
    },
    turn: {
      type: 'section',
      description: 'A TURN server (coturn) so voice and video calls work through NAT.',
      fields: {
        enabled: { type: 'boolean', default: false, description: 'Install coturn and point Synapse at it.' },
        external_ip: {
          type: 'string',
          format: 'ip',
          example: '203.0.113.10',
          description: 'Public address of this machine; detected when not given.',
        },
        private_ip: {
          type: 'string',
          format: 'ip',
          example: '10.0.0.5',
          description: 'Private address of this machine behind NAT, paired with external_ip.',
        },
        min_port: {
          type: 'integer',
          min: 1024,
          max: 65535,
          default: 49152,
          description: 'First UDP port of the relay range (opened in the firewall).',
        },
        max_port: {
          type: 'integer',
          min: 1024,
          max: 65535,
          default: 65535,
          description: 'Last UDP port of the relay range.',
        },
      },
    },
    email: {
      type: 'section',
      description: 'Outgoing email: notifications and password resets.',
      mappingHint: "the Let's Encrypt account address goes in tls.email",
      fields: {
        enabled: { type: 'boolean', default: false, description: 'Send email through an SMTP server.' },
        smtp_host: {
          type: 'string',
          format: 'host',
          required: enabled,
          requiredBecause: 'email needs an SMTP server',
          example: 'smtp.example.org',
          description: 'SMTP server host name.',
        },
        smtp_port: {
          type: 'integer',
          min: 1,
          max: 65535,
          default: {
            derive: (a) => ({ starttls: 587, tls: 465, none: 25 })[a.email?.tls ?? 'starttls'],
            text: '587 with starttls, 465 with tls, 25 with none',
          },
          description: 'SMTP server port.',
        },
        tls: {
          type: 'string',
          choices: {
            starttls: 'plain connection upgraded with STARTTLS (port 587)',
            tls: 'TLS from the start (port 465)',
            none: 'no encryption (a relay on this machine only)',
          },
          default: 'starttls',
          description: 'Encryption of the SMTP connection.',
        },
        smtp_user: {
          type: 'string',
          format: 'smtp-user',
          example: 'matrix@example.org',
          description: 'SMTP login; leave out for a relay that needs none.',
        },
        smtp_password: {
          type: 'secret',
          example: '/root/smtp-password',
          description: 'SMTP password, with smtp_user.',
        },
        notif_from: {
          type: 'string',
          format: 'mail-from',
          required: enabled,
          requiredBecause: 'mail needs a sender address',
          example: 'Matrix <noreply@example.org>',
          description: 'Sender of the mails, such as "Matrix <noreply@example.org>".',
        },
      },
    },
    firewall: {
      type: 'string',
      choices: {
        auto: 'open the needed ports if ufw or firewalld is active (never turns one on)',
        skip: 'leave the firewall alone',
      },
      default: 'auto',
      description: 'Ports 80, 443 and 8448 (and the TURN ports) must be reachable from the internet.',
    },
    automatic_updates: {
      type: 'boolean',
      default: false,
      description:
        "Turn on the distribution's automatic security updates (unattended-upgrades or dnf-automatic). " +
        'CentOS Stream publishes no security advisories, so there every update is applied automatically.',
    },
  },
} as const satisfies SectionOf<Answers>;

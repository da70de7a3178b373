import type { Answers } from '../../src/answers/types.js';
import type { SynapseLayout } from '../synapse/sources.js';

/**
 * The unit of a venv install, after Synapse's contrib/systemd: Synapse tells systemd when it
 * is ready (Type=notify) and reloads its log config on SIGHUP.
 */
export function synapseUnit(answers: Answers, layout: SynapseLayout): string {
  const after = ['network-online.target', ...(answers.database.mode === 'local' ? ['postgresql.service'] : [])];
  const configArgs = layout.configPaths.map((path) => `--config-path=${path}`).join(' ');
  return `# Written by matrix-setup. Local changes belong in ${layout.unit}.d/*.conf (systemctl edit ${layout.unit}).
[Unit]
Description=Synapse Matrix homeserver
After=${after.join(' ')}
Wants=network-online.target

[Service]
Type=notify
NotifyAccess=main
User=${layout.user}
Group=${layout.group}
WorkingDirectory=${layout.dataDir}
ExecStart=${layout.python} -m synapse.app.homeserver ${configArgs}
ExecReload=/bin/kill -HUP $MAINPID
Restart=on-failure
RestartSec=3
SyslogIdentifier=matrix-synapse
NoNewPrivileges=true
PrivateTmp=true
ProtectSystem=full
ProtectHome=true

[Install]
WantedBy=multi-user.target
`;
}

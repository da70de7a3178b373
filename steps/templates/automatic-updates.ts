/** What `dpkg-reconfigure -plow unattended-upgrades` writes: refresh the lists and upgrade daily. */
export function autoUpgradesConf(): string {
  return `// Written by matrix-setup (automatic_updates: true): daily security updates by unattended-upgrades.
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
`;
}

/**
 * What dnf-automatic applies: `security` needs the security advisories (updateinfo) a RHEL,
 * Rocky, AlmaLinux or Oracle Linux repository publishes; CentOS Stream publishes none, so
 * there it would report success and apply nothing: `default` (every update) instead.
 */
export type DnfUpgradeType = 'security' | 'default';

/** dnf-automatic: download and apply updates (security only where advisories exist); never reboot on its own. */
export function dnfAutomaticConf(upgradeType: DnfUpgradeType = 'security'): string {
  const header =
    upgradeType === 'security'
      ? '# Written by matrix-setup (automatic_updates: true): security updates applied by dnf-automatic.timer.'
      : '# Written by matrix-setup (automatic_updates: true): all updates applied by dnf-automatic.timer.\n' +
        '# CentOS Stream publishes no security advisories, so upgrade_type = security would apply nothing here.';
  return `${header}
[commands]
upgrade_type = ${upgradeType}
random_sleep = 0
download_updates = yes
apply_updates = yes
reboot = never

[emitters]
emit_via = stdio

[base]
debuglevel = 1
`;
}

/** What `dpkg-reconfigure -plow unattended-upgrades` writes: refresh the lists and upgrade daily. */
export function autoUpgradesConf(): string {
  return `// Written by matrix-setup (automatic_updates: true): daily security updates by unattended-upgrades.
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
`;
}

/** dnf-automatic: download and apply security updates only; never reboot on its own. */
export function dnfAutomaticConf(): string {
  return `# Written by matrix-setup (automatic_updates: true): security updates applied by dnf-automatic.timer.
[commands]
upgrade_type = security
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

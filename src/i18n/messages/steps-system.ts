/** Steps that prepare the system: preflight, base packages, repositories, firewall, SELinux, automatic updates. */
import { defineMessages } from '../define.js';

export const systemText = defineMessages('steps-system', {
  preflightTitle: { en: 'Preflight checks', ru: 'Предварительные проверки' },
  preflightTask: {
    en: 'Check this machine: root, distribution, systemd, memory, disk space, ports {ports}, {localPorts}, DNS of {names}, clock',
    ru: 'Проверить эту машину: root, дистрибутив, systemd, память, место на диске, порты {ports}, {localPorts}, DNS для {names}, часы',
  },
  whenListeners: { en: 'to see which programs listen on the ports', ru: 'какие программы слушают эти порты' },
  whenClock: { en: 'to see whether the clock is synchronised', ru: 'синхронизированы ли часы' },

  basePackagesTitle: { en: 'Base packages', ru: 'Базовые пакеты' },
  nginxInstallTitle: { en: 'Install nginx', ru: 'Установка nginx' },

  firewallTitle: { en: 'Firewall', ru: 'Файрвол' },
  firewallSkipped: { en: 'firewall: skip (the answers leave the firewall alone)', ru: 'firewall: skip (по ответам файрвол не трогается)' },
  openPortsTask: { en: 'Open TCP ports {ports} in the firewall, if ufw or firewalld is active', ru: 'Открыть TCP-порты {ports} в файрволе, если включён ufw или firewalld' },
  whenUfwActive: { en: 'to see whether ufw is active', ru: 'включён ли ufw' },
  whenFirewalldRunning: { en: 'to see whether firewalld is running', ru: 'работает ли firewalld' },
  whenUfwMissing: { en: 'when ufw is active and does not allow it yet', ru: 'если ufw включён и ещё не разрешает этот порт' },
  whenFirewalldMissing: { en: 'when firewalld is running and a port is not open yet', ru: 'если firewalld работает и порт ещё не открыт' },
  noFirewall: {
    en: 'No firewall is active on this machine (neither ufw nor firewalld), so nothing was opened here and none was turned on.',
    ru: 'На этой машине файрвол не включён (ни ufw, ни firewalld), поэтому здесь ничего не открывалось и ничего не включалось.',
  },
  firewallAllows: { en: '{firewall} allows {ports}.', ru: '{firewall} разрешает {ports}.' },
  cloudFirewall: {
    en: '{local} If your provider has its own firewall or security group, allow inbound {ports} there too.',
    ru: '{local} Если у вашего провайдера есть свой файрвол или security group, разрешите входящие {ports} и там.',
  },

  selinuxTask: { en: 'Let nginx proxy to Synapse under SELinux (only when enforcing)', ru: 'Разрешить nginx проксировать к Synapse под SELinux (только в режиме enforcing)' },
  selinuxTaskPorts: {
    en: 'Let nginx proxy to Synapse and listen on {ports} under SELinux (only when enforcing)',
    ru: 'Разрешить nginx проксировать к Synapse и слушать {ports} под SELinux (только в режиме enforcing)',
  },
  whenEnforcing: { en: 'the rest only when it says Enforcing', ru: 'остальное — только если ответ Enforcing' },
  whenRelayOff: { en: 'when `getsebool httpd_can_network_relay` is off', ru: 'если `getsebool httpd_can_network_relay` выключен' },
  whenPortUnlabelled: { en: 'when `semanage port -l` does not list it for http_port_t', ru: 'если `semanage port -l` не показывает его для http_port_t' },
  semanageHint: {
    en: 'semanage comes with policycoreutils-python-utils; if the port is labelled for another type, relabel it with `semanage port -m`.',
    ru: 'semanage входит в policycoreutils-python-utils; если порт помечен другим типом, измените метку командой `semanage port -m`.',
  },

  updatesTitle: { en: 'Automatic security updates', ru: 'Автоматические обновления безопасности' },
  updatesOff: { en: 'automatic_updates is false', ru: 'в ответах automatic_updates: false' },
  updatesEverything: {
    en: '{system} publishes no security advisories, so dnf-automatic applies every update, not only security fixes.',
    ru: '{system} не публикует бюллетени безопасности, поэтому dnf-automatic ставит все обновления, а не только исправления безопасности.',
  },

  installEpel: { en: 'Install EPEL', ru: 'Установить EPEL' },
  oracleCrb: { en: "Oracle Linux's CodeReady Builder repository (EPEL packages depend on it)", ru: 'репозиторий CodeReady Builder Oracle Linux (от него зависят пакеты EPEL)' },
  oracleEpel: { en: "Oracle Linux's EPEL repository", ru: 'репозиторий EPEL Oracle Linux' },
  crbTask: {
    en: "Enable a CodeReady Builder repository (EPEL packages depend on it): one already there under any id, the cloud's (RHUI) on a pay-as-you-go image, else {id} through the subscription",
    ru: 'Включить репозиторий CodeReady Builder (от него зависят пакеты EPEL): уже имеющийся под любым идентификатором, облачный (RHUI) на образе с оплатой по факту, иначе {id} по подписке',
  },
  whenListRepos: {
    en: 'read-only: which CodeReady Builder repositories exist and which are enabled',
    ru: 'только чтение: какие репозитории CodeReady Builder есть и какие включены',
  },
  rhuiExample: { en: '<RHUI CodeReady Builder id, e.g. {id}>', ru: '<идентификатор CodeReady Builder в RHUI, например {id}>' },
  whenRhui: { en: 'when the machine gets its packages from RHUI', ru: 'если машина получает пакеты из RHUI' },
  whenRegistered: { en: 'otherwise (a registered machine)', ru: 'иначе (зарегистрированная машина)' },
  rhuiWithoutCrb: {
    en: 'This machine gets its packages from RHUI (a cloud image), but none of its repositories is CodeReady Builder.',
    ru: 'Эта машина получает пакеты из RHUI (облачный образ), но среди её репозиториев нет CodeReady Builder.',
  },
  rhuiWithoutCrbHint: {
    en: 'List them with `dnf repolist --all`; ask your cloud provider which RHUI repository carries CodeReady Builder for RHEL {major}, enable it with `dnf config-manager --set-enabled ID`, then resume.',
    ru: 'Список покажет `dnf repolist --all`; узнайте у облачного провайдера, в каком репозитории RHUI есть CodeReady Builder для RHEL {major}, включите его командой `dnf config-manager --set-enabled ID` и продолжите.',
  },
  subscriptionFailed: { en: 'subscription-manager could not enable {id}.', ru: 'subscription-manager не смог включить {id}.' },
  subscriptionFailedHint: {
    en: 'This machine has no RHUI repositories, so its packages come from a Red Hat subscription: register it (`subscription-manager register`), or enable a CodeReady Builder repository you have yourself (`dnf config-manager --set-enabled ID`), then resume.',
    ru: 'У этой машины нет репозиториев RHUI, значит, пакеты она получает по подписке Red Hat: зарегистрируйте её (`subscription-manager register`) или включите свой репозиторий CodeReady Builder (`dnf config-manager --set-enabled ID`) и продолжите.',
  },
  oracleTask: {
    en: 'Enable {what}, found by its id ({example}, or with the update release: ol{major}_uN_{kind})',
    ru: 'Включить {what}, найденный по идентификатору ({example} или с номером обновления: ol{major}_uN_{kind})',
  },
  whenRepoIds: { en: 'read-only: the repository ids this machine has', ru: 'только чтение: какие идентификаторы репозиториев есть на этой машине' },
  oracleIdPlaceholder: { en: '<{example} or ol{major}_uN_{kind}>', ru: '<{example} или ol{major}_uN_{kind}>' },
  whenNotEnabled: { en: 'when it is not enabled', ru: 'если он не включён' },
  oracleMissing: {
    en: 'No repository named {example} (or ol{major}_uN_{kind}) is configured on this machine.',
    ru: 'На этой машине не настроен репозиторий {example} (или ol{major}_uN_{kind}).',
  },
  oracleMissingHint: {
    en: 'Check the files in /etc/yum.repos.d/ (oraclelinux-release-el{major} and oracle-epel-release-el{major} provide them) and `dnf repolist --all`, then resume.',
    ru: 'Проверьте файлы в /etc/yum.repos.d/ (их ставят oraclelinux-release-el{major} и oracle-epel-release-el{major}) и `dnf repolist --all`, затем продолжите.',
  },
  enableRepository: { en: 'Enable the {name} repository (EPEL packages depend on it)', ru: 'Включить репозиторий {name} (от него зависят пакеты EPEL)' },
});

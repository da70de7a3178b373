/** The TURN server: coturn, its ports, its certificate and what Synapse is told about it. */
import { defineMessages } from '../define.js';

export const turnText = defineMessages('steps-turn', {
  serverTitle: { en: 'TURN server (coturn)', ru: 'Сервер TURN (coturn)' },
  firewallTitle: { en: 'Open the TURN ports', ru: 'Открытие портов TURN' },
  synapseTitle: { en: 'Point Synapse at the TURN server', ru: 'Сервер TURN в настройках Synapse' },
  turnOff: { en: 'turn.enabled is false', ru: 'в ответах turn.enabled: false' },
  firewallSkipped: { en: 'firewall: skip (open 3478, 5349 and the relay range yourself)', ru: 'firewall: skip (откройте 3478, 5349 и диапазон ретрансляции сами)' },
  publicAddress: { en: "coturn relays on this machine's public address {addresses}.", ru: 'coturn ретранслирует через внешний адрес этой машины {addresses}.' },
  behindNat: {
    en: "This machine has no public IPv4 address of its own, so it is probably behind NAT: calls through the TURN server only work once turn.external_ip (the public address) and turn.private_ip (this machine's address it maps to) are set.",
    ru: 'У этой машины нет собственного внешнего IPv4-адреса, значит, она, вероятно, за NAT: звонки через сервер TURN заработают, только когда будут заданы turn.external_ip (внешний адрес) и turn.private_ip (адрес этой машины, на который он отображается).',
  },
  certificateCopyTask: {
    en: 'Give coturn its own copy of the certificate ({dir}, group {group})',
    ru: 'Дать coturn собственную копию сертификата ({dir}, группа {group})',
  },
  whenCopyDiffers: { en: 'when the copy is missing or differs from the certificate', ru: 'если копии нет или она отличается от сертификата' },
  whenCopied: { en: 'after a copy, so a running coturn serves it', ru: 'после копирования, чтобы работающий coturn начал её использовать' },
  certificateMissing: {
    en: 'The certificate file {path} for {host} does not exist (yet).',
    ru: 'Файла сертификата {path} для {host} (ещё) нет.',
  },
  certificateMissingHint: {
    en: 'coturn uses the certificate of synapse_host; the tls-certificate step obtains it. Run that step first, then resume.',
    ru: 'coturn использует сертификат synapse_host; его получает шаг tls-certificate. Сначала выполните этот шаг, затем продолжите.',
  },
  journalHint: { en: 'See `journalctl -u {unit} -n 50`.', ru: 'Смотрите `journalctl -u {unit} -n 50`.' },
  firewallTask: { en: 'Allow {rules} in ufw or firewalld, if one is active', ru: 'Разрешить {rules} в ufw или firewalld, если один из них включён' },
  readOnly: { en: 'read-only', ru: 'только чтение' },
  whenUfwRuleMissing: { en: 'if ufw is active and the rule is missing', ru: 'если ufw включён и правила нет' },
  whenFirewalldPortClosed: { en: 'if firewalld runs and the port is not open', ru: 'если firewalld работает и порт не открыт' },
  whenFirewalldAdded: { en: 'after adding ports to firewalld', ru: 'после добавления портов в firewalld' },
  opened: { en: 'Opened {rules} in {firewall}.', ru: 'В {firewall} открыты {rules}.' },
  cloudFirewalls: {
    en: 'Cloud firewalls (security groups) are outside this machine: open the same ports there.',
    ru: 'Облачные файрволы (security groups) находятся вне этой машины: откройте там те же порты.',
  },
  retireTask: { en: 'Move {path} aside if an earlier run wrote it', ru: 'Убрать {path}, если его записал прежний запуск' },
  whenExists: { en: 'only if {path} exists', ru: 'только если {path} существует' },
  whenMoved: { en: 'after moving it', ru: 'после перемещения' },
  retired: { en: 'Moved {path} to {retired} and restarted {unit}.', ru: '{path} перемещён в {retired}, служба {unit} перезапущена.' },
});

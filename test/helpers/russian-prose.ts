// What a Russian screen may show in Latin letters, and the English prose that slipped through.

/**
 * Latin words a Russian frame may show: product and protocol names, commands and their options,
 * answers-file keys and values, key names, units. Anything else in Latin letters is English that
 * slipped through.
 */
export const LATIN_ALLOWED = new Set(
  [
    // Products, projects, systems and services
    'matrix setup synapse element web postgresql nginx let s encrypt certbot coturn python pypi curl ufw firewalld',
    // Package names in the plan
    'gnupg openssl libpq libjemalloc apache',
    'debian bookworm ubuntu centos stream gnu linux amd aws google cloud systemd pid',
    // Protocols, formats and terms kept in Latin
    'https http tls starttls smtp acme turn dns url api post ip udp tcp pem utf c nat utc ntp a aaaa',
    // Keys, values and commands of matrix-setup and Synapse (admin API, LimitNOFILE, security group)
    'ctrl enter esc backspace pgup pgdn y n r s auto none latest presence limitnofile admin root venv v m hold security group',
    'sslmode disable prefer require libpq sqlite webroot',
    'install resume verify plan',
  ]
    .join(' ')
    .split(' '),
);

/** The Latin words of a frame that are neither allowed names nor part of a path, address or command line. */
export function englishIn(frame: string): string[] {
  const words: string[] = [];
  for (const line of frame.split('\n')) {
    // Paths, URLs, addresses, options and commands are not prose.
    const prose = line
      .replace(/\$ .*$/, '')
      .replace(/[│|] .*$/, '')
      .replace(/`[^`]*`/g, ' ')
      .replace(/\S*[/@:=._`<>-]\S*/g, ' ');
    for (const word of prose.match(/[A-Za-z]+/g) ?? []) if (!LATIN_ALLOWED.has(word.toLowerCase())) words.push(word);
  }
  return words;
}


export const HELP = `matrix-setup: turn this server into a working, federating Matrix homeserver
(Synapse on PostgreSQL behind nginx, a Let's Encrypt certificate, Element Web, an admin account).

Usage
  matrix-setup                              interactive wizard (needs a terminal)
  matrix-setup --answers FILE [--yes]       install from an answers file
  matrix-setup plan --answers FILE [--target ID | --os-release FILE] [--json]
                                            show every step, command and file; change nothing
  matrix-setup status [--json]              where the last run stands, step by step
  matrix-setup resume                       continue the last run with its saved answers
  matrix-setup verify [--server-name NAME] [--json]
                                            check the server as clients and other servers see it
  matrix-setup adopt [--answers-out FILE] [--json]
                                            look at a Synapse set up by hand (changes nothing),
                                            write answers that reproduce it, show the plan
  matrix-setup adopt --yes [--answers FILE] take that Synapse over (SQLite moves to PostgreSQL)

Options
  -a, --answers FILE    answers file (YAML, version 1; see examples/answers.yaml)
  -y, --yes             do not ask before changing the machine (required without a terminal)
      --target ID       plan for another distro: debian-12, debian-13, debian-unstable,
                        ubuntu-24.04, rocky-9, almalinux-9, rhel-8, centos-stream-9, ...
      --os-release FILE plan for the distro described by this os-release file
      --json            machine-readable output (plan, status, verify)
      --plain           plain line output even on a terminal
      --verbose         print every line of command output (the log always has it)
      --state-dir DIR   state, saved answers and generated secrets (default /var/lib/matrix-setup)
      --log-file FILE   this run's log (default /var/log/matrix-setup/run-<time>.log)
  -h, --help            this help
  -v, --version         the version

Examples
  matrix-setup plan --answers examples/answers.yaml --target debian-12
  sudo matrix-setup --answers /root/matrix.yaml --yes
  sudo matrix-setup resume
  sudo matrix-setup adopt && sudo matrix-setup adopt --yes --answers adopt-answers.yaml

Exit status
  0 done   1 a step failed   2 bad usage or invalid answers (nothing was changed)
  3 this host is refused (unsupported distro, not root, preflight failed, a server adopt cannot take over)   130 interrupted
`;

export const HELP = `matrix-setup: turn this server into a working, federating Matrix homeserver
(Synapse on PostgreSQL behind nginx, a Let's Encrypt certificate, Element Web, an admin account).

Usage
  matrix-setup                              interactive wizard (needs a terminal)
  matrix-setup --answers FILE [--yes]       install from an answers file
  matrix-setup plan --answers FILE [--target ID | --os-release FILE] [--json]
                                            show every step, command and file; change nothing
  matrix-setup status [--json]              where the last run stands, step by step
  matrix-setup resume                       continue the last run with its saved answers
  matrix-setup verify [--server-name NAME] [--ca FILE] [--json]
                                            check the server as clients and other servers see it
  matrix-setup upgrade --check [--json]     installed and available versions of Synapse and
                                            Element Web, and what stands in the way
  matrix-setup upgrade [--to VERSION] [--yes] [--no-backup]
                                            back up, upgrade Synapse (only its package, or pip in
                                            its virtualenv) and Element Web, restart, verify
  matrix-setup upgrade --rollback [--yes]   undo the last upgrade
  matrix-setup backup [--to DIR] [--no-media] [--json]
                                            one archive of this server (database, signing key,
                                            config, secrets, certificate, media); prints its path
  matrix-setup restore ARCHIVE [--answers FILE] [--yes] [--replace-database]
                                            this server from a backup, on a fresh machine
  matrix-setup plan --restore ARCHIVE [--answers FILE] [--target ID]
                                            show what restoring that backup would do
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
      --json            machine-readable output (plan, status, verify, upgrade --check, backup)
      --ca FILE         verify: also trust this CA (PEM) for the server's certificate
                        (a private ACME CA, or a test CA)
      --to VERSION      upgrade: the Synapse release (or exact package version) to go to
      --to DIR          backup: where the archive goes (default /var/backups/matrix-setup)
      --no-backup       upgrade: take no backup first (a rollback cannot bring the database back)
      --element-tarball FILE --element-sha256 HEX
                        upgrade: the Element Web release to switch to (offline servers)
      --no-media        backup: leave out the uploaded media
      --replace-database
                        restore: load the backup even where the database holds other data
                        of this server (it is kept under another name, never dropped)
      --plain           plain line output even on a terminal
      --verbose         print every line of command output (the log always has it)
      --state-dir DIR   state, saved answers and generated secrets (default /var/lib/matrix-setup)
      --log-file FILE   this run's log (default /var/log/matrix-setup/run-<time>.log)
      --package-lock-wait MINUTES
                        install, resume, upgrade, restore, adopt: while another program
                        (unattended-upgrades, apt, dnf) uses the package manager, wait this
                        long for it before giving up (default 15; 0: do not wait)
  -h, --help            this help
  -v, --version         the version

Examples
  matrix-setup plan --answers examples/answers.yaml --target debian-12
  sudo matrix-setup --answers /root/matrix.yaml --yes
  sudo matrix-setup resume
  matrix-setup upgrade --check
  sudo matrix-setup upgrade && sudo matrix-setup upgrade --rollback
  sudo matrix-setup backup --to /mnt/backups
  sudo bash install.sh restore /root/matrix-setup-backup-example.org-20260101T120000Z.tar --yes
  sudo matrix-setup adopt && sudo matrix-setup adopt --yes --answers adopt-answers.yaml

Exit status
  0 done   1 a step failed   2 bad usage or invalid answers (nothing was changed)
  3 this host is refused (unsupported distro, not root, preflight failed, a server adopt cannot take over)   130 interrupted
`;

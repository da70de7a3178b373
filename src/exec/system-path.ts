/**
 * The PATH of every command matrix-setup runs, whatever the caller's: the system directories
 * only, so a directory someone put first in root's PATH (or that sudo kept) cannot swap
 * `systemctl` or `psql` for something else. The command itself is looked up in it too.
 */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

import type { Step } from '../../src/engine/types.js';

/**
 * The seam where adopting takes a full backup before it changes anything. matrix-setup's
 * backup command is not part of this version yet, so the step says so (it is shown as skipped
 * in every plan and run) instead of pretending: until then, the SQLite file is only read (the
 * port works on a copy) and every file adopting replaces is kept under
 * /var/lib/matrix-setup/backups. Replace `skip` and `plan` here with the backup steps once
 * they exist.
 */
export const BACKUP_NOT_AVAILABLE =
  'matrix-setup has no backup command yet: no full backup is taken. The SQLite file is only read (the port works on a copy) and every file replaced is kept under /var/lib/matrix-setup/backups';

export const adoptBackupStep: Step = {
  id: 'adopt-backup',
  title: 'Back up the server before adopting it',
  needs: ['adopt-check'],
  skip: () => BACKUP_NOT_AVAILABLE,
  plan: () => [],
};

/** Which command a run belongs to: `resume` continues the last run with the same graph. */
export type RunCommand = 'install' | 'adopt' | 'restore' | 'backup' | 'upgrade' | 'rollback';

/** A run that is not an install names its command in its record and its run-started event. */
export type DayTwoCommand = Exclude<RunCommand, 'install'>;

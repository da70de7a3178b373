import type { Answers } from '../../src/answers/types.js';

export interface SynapseTuning {
  openFilesLimit: number;
  cacheFactor?: number;
  /** Path of the jemalloc library to preload. */
  jemalloc?: string;
}

export function synapseTuning(answers: Answers, jemalloc?: string): SynapseTuning {
  return { openFilesLimit: answers.synapse.open_files_limit, cacheFactor: answers.synapse.cache_factor, jemalloc };
}

/** A drop-in for matrix-synapse.service with the guide's tuning: open files, cache size, allocator. */
export function systemdTuningDropIn(tuning: SynapseTuning): string {
  const lines = [
    '# Written by matrix-setup: tuning of the Synapse service. Local changes belong in another drop-in.',
    '[Service]',
    '# Every federation peer, client connection and database connection holds a file descriptor.',
    `LimitNOFILE=${tuning.openFilesLimit}`,
  ];
  if (tuning.cacheFactor !== undefined) {
    lines.push('# Size of all Synapse caches relative to their defaults (synapse.cache_factor).', `Environment=SYNAPSE_CACHE_FACTOR=${tuning.cacheFactor}`);
  }
  if (tuning.jemalloc) {
    lines.push(
      '# jemalloc returns freed memory to the system, which keeps a long-running Synapse smaller.',
      "# PYTHONMALLOC=malloc is left unset: it only matters for caches.cache_autotuning, which is off, and it",
      "# would route Python's small objects through malloc too. Add it in your own drop-in if you turn autotuning on.",
      `Environment=LD_PRELOAD=${tuning.jemalloc}`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

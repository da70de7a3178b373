import type { Question } from './types.js';

export const UPLOAD_QUESTIONS: Question[] = [
  {
    id: 'synapse.max_upload_size',
    kind: 'text',
    group: 'uploads',
    path: 'synapse.max_upload_size',
    title: 'Largest file users can upload',
    help: "Such as 50M or 1G. Uploaded media is kept on this machine's disk, so mind the space.",
  },
];

import { questionText as q } from '../../i18n/messages/questions.js';
import type { Question } from './types.js';

export const UPLOAD_QUESTIONS: Question[] = [
  {
    id: 'synapse.max_upload_size',
    kind: 'text',
    group: 'uploads',
    path: 'synapse.max_upload_size',
    title: q.uploadTitle,
    help: q.uploadHelp,
  },
];

import { Document } from 'yaml';
import type { SynapseLayout } from '../synapse/sources.js';

/**
 * Python logging config of a venv install: everything at INFO to a file rotated at midnight
 * (a week kept), warnings also to stderr, which systemd puts in the journal.
 */
export function synapseLogConfigYaml(layout: SynapseLayout): string {
  const format = '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s';
  const config = {
    version: 1,
    formatters: { precise: { format } },
    filters: { context: { '()': 'synapse.logging.context.LoggingContextFilter', request: '' } },
    handlers: {
      file: {
        class: 'logging.handlers.TimedRotatingFileHandler',
        formatter: 'precise',
        filename: layout.logFile,
        when: 'midnight',
        backupCount: 7,
        encoding: 'utf8',
        filters: ['context'],
      },
      console: { class: 'logging.StreamHandler', formatter: 'precise', level: 'WARNING', filters: ['context'] },
    },
    loggers: { 'synapse.storage.SQL': { level: 'INFO' } },
    root: { level: 'INFO', handlers: ['file', 'console'] },
    disable_existing_loggers: false,
  };
  return `# Written by matrix-setup: Synapse's log configuration (Python logging, dictConfig format).\n${new Document(config, { version: '1.1' }).toString({ lineWidth: 0 })}`;
}

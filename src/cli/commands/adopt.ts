import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answersFromFacts } from '../../adopt/answers-from-facts.js';
import { assessAdoption, type Assessment } from '../../adopt/assess.js';
import { configChanges } from '../../adopt/config-changes.js';
import { detectAdoptionFacts } from '../../adopt/detect.js';
import type { AdoptionFacts } from '../../adopt/facts.js';
import { describeFacts, factsForJson } from '../../adopt/report.js';
import { formatAdoptSummary } from '../../adopt/run-texts.js';
import { loadSavedAnswers } from '../../answers/migrate.js';
import { statePaths } from '../../engine/runner.js';
import { checkSecretReferences } from '../../secrets/check-references.js';
import { finishedInstallSummary } from '../install-report.js';
import { loadAnswersFile } from '../../answers/load.js';
import { resolveAnswers } from '../../answers/resolve.js';
import { answersToYaml } from '../../answers/save.js';
import type { Answers } from '../../answers/types.js';
import { validateAnswersDocument } from '../../answers/validate.js';
import { ExitCode, HostRefusedError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import type { Target } from '../../host/target.js';
import { localProbe } from '../../host/probe.js';
import { buildPlan } from '../../plan/build-plan.js';
import { renderPlanText } from '../../plan/render-plan.js';
import { adoptSteps } from '../../../steps/adopt/index.js';
import { recordedArchive } from '../../../steps/adopt/backup-first.js';
import { secretsInConfig } from '../../../steps/adopt/import-secrets.js';
import { synapseLayout } from '../../../steps/synapse/sources.js';
import { synapseDropInYaml } from '../../../steps/templates/synapse-config.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { localTarget } from '../resolve-target.js';
import { install } from './install.js';
import type { Localized } from '../../i18n/localized.js';
import { adoptText as t } from '../../i18n/messages/adopt.js';
import { cliText } from '../../i18n/messages/cli.js';
import { planJson } from '../../plan/plan-json.js';

export const DEFAULT_ANSWERS_OUT = 'adopt-answers.yaml';

/**
 * `matrix-setup adopt`: looks at a Synapse set up by hand, changing nothing, writes answers
 * that reproduce it and prints the plan they would run. `adopt --yes [--answers FILE]` takes
 * it over: the adopt graph (steps/adopt/) with those answers.
 */
export async function adoptCommand(args: CliArgs): Promise<number> {
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError(t.needsRoot, cliText.runAsRoot);
  }
  const { lang } = args;
  const l = (text: Localized) => text[lang];
  const target = await localTarget();
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  if (args.yes && args.answers) {
    const answers = loadAnswersFile(args.answers);
    checkSecretReferences(answers, { requirePresent: true, file: args.answers });
    return runAdopt(args, answers, false);
  }
  const facts = await detectAdoptionFacts(localProbe);
  const assessment = assessAdoption(facts);
  if (assessment.refusals.length > 0) return refuse(args, facts, assessment);
  const { answers, yaml, notes } = adoptedAnswers(facts, assessment, stateDir);
  if (args.yes) {
    process.stdout.write(`${l(t.startingFromMachine({ server: answers.server_name }))}\n${notes.map((n) => `  - ${l(n)}\n`).join('')}\n`);
    return runAdopt(args, answers, false);
  }
  const out = resolve(args.answersOut ?? DEFAULT_ANSWERS_OUT);
  writeFileAtomic(out, yaml, { mode: 0o600 });
  const changes = synapseChanges(facts, answers, target);
  if (args.json) {
    const plan = buildPlan(adoptSteps(stateDir), { answers, target });
    const json = { adoptable: true, facts: factsForJson(facts), warnings: assessment.warnings.map(l), notes: notes.map(l), answersFile: out, synapseConfigChanges: changes, plan: planJson(plan, lang) };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return ExitCode.ok;
  }
  const text: string[] = [l(t.nothingChangedFound), ...describeFacts(facts, assessment, lang), ''];
  for (const warning of assessment.warnings) text.push(l(t.warning({ warning })));
  text.push(l(t.answersWritten({ file: out })));
  for (const note of notes) text.push(`  - ${l(note)}`);
  text.push('', l(t.dropInChanges({ changes: changes.length ? changes.map((c) => `${c.key} (${c.kind})`).join(', ') : t.none })));
  text.push('', renderPlanText(buildPlan(adoptSteps(stateDir), { answers, target }), { target, lang, answersFile: out, currentContent: readIfReadable }));
  text.push(`${l(t.takeOverWith({ file: out }))}\n`);
  process.stdout.write(text.join('\n'));
  return ExitCode.ok;
}

/** `matrix-setup resume` after an adopt that stopped: the same graph with the saved answers. */
export async function resumeAdoptCommand(args: CliArgs): Promise<number> {
  const saved = statePaths(args.stateDir ?? DEFAULT_STATE_DIR).answers;
  const answers = loadSavedAnswers(saved, { note: (message) => process.stdout.write(`${message[args.lang]}\n`) }).answers;
  checkSecretReferences(answers, { requirePresent: true, file: saved });
  return runAdopt({ ...args, yes: true }, answers, true);
}

function runAdopt(args: CliArgs, answers: Answers, resuming: boolean): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  return install(args, answers, {
    resuming,
    command: 'adopt',
    steps: adoptSteps(stateDir),
    question: (machine) => t.question({ server: answers.server_name, machine }),
    summary: (finished) => formatAdoptSummary(finishedInstallSummary(finished), resuming, recordedArchive(stateDir), args.lang),
  });
}

function refuse(args: CliArgs, facts: AdoptionFacts, assessment: Assessment): number {
  const l = (text: Localized) => text[args.lang];
  if (args.json) {
    const json = { adoptable: false, refusals: assessment.refusals.map(l), warnings: assessment.warnings.map(l), facts: factsForJson(facts) };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const lines = [l(t.nothingChangedFound), ...describeFacts(facts, assessment, args.lang), ''];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.stderr.write(`${l(t.cannotAdopt)}\n${assessment.refusals.map((r) => `  - ${l(r)}\n`).join('')}`);
  }
  return ExitCode.hostRefused;
}

/** The answers for the facts, as the file adopt writes (validated like any answers file). */
function adoptedAnswers(facts: AdoptionFacts, assessment: Assessment, stateDir: string): { answers: Answers; yaml: string; notes: Localized[] } {
  const { draft, notes } = answersFromFacts(facts, assessment, stateDir);
  const header = [
    `Answers that reproduce the Synapse of ${facts.serverName} as \`matrix-setup adopt\` found it on ${new Date().toISOString().slice(0, 10)}.`,
    'Take the server over with: matrix-setup adopt --yes --answers <this file>',
    'What adopt could not see and so answered with a default, or leaves as it is:',
    ...notes.map((note) => `  - ${note.en}`),
  ];
  const yaml = answersToYaml(resolveAnswers(draft), { header });
  return { answers: validateAnswersDocument(yaml, 'adopt answers'), yaml, notes };
}

function synapseChanges(facts: AdoptionFacts, answers: Answers, target: Target) {
  const merged = facts.config?.merged ?? {};
  const layout = synapseLayout(answers, target);
  return configChanges(merged, synapseDropInYaml(answers, target, layout), secretsInConfig(merged));
}

function readIfReadable(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

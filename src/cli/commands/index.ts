import type { CommandModule } from 'yargs';
import { costCommand } from './cost.js';
import { dataCommand } from './data.js';
import { forecastCommand, forecastBatchCommand, backtestCommand } from './forecast.js';
import { measureCommand } from './measure.js';
import { scenarioCommand } from './scenario.js';
import { reportCommand } from './report.js';
import { chartCommand } from './chart.js';
import { followUpCommand } from './follow-up.js';

/**
 * All `viso` commands. Each module may import only light code statically;
 * heavy modules are imported inside handlers.
 */
export const commands: CommandModule<any, any>[] = [
  dataCommand,
  forecastCommand,
  forecastBatchCommand,
  backtestCommand,
  costCommand,
  measureCommand,
  scenarioCommand,
  reportCommand,
  chartCommand,
  followUpCommand,
];

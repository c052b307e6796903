/**
 * The defaults a user meets, in one place and light (no engine code), so the scenario engine, the
 * report and the command line's help read the same number.
 */

/**
 * Monte Carlo runs of a scenario whose file (and `extends` chain) gives no `runs`. `viso scenario
 * run`, `viso report` and `viso chart` all run a scenario with its file's runs (this default when
 * the file gives none) unless `--runs` says otherwise, so a figure reads the same in each.
 */
export const DEFAULT_RUNS = 100_000;

/**
 * The report's goal-seek target for P(merforbrug) in the headline year: management's question is how much
 * tightening keeps the probability of merforbrug under 20 % (`viso report --target` sets another).
 */
export const DEFAULT_GOAL_TARGET = 0.2;

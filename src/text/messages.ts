/**
 * The one dictionary of the command line's words: help texts of every command and option,
 * and the messages of the errors a user meets. Each entry has one Danish and one English
 * text (Danish is the default everywhere); code that has something to tell a user names an
 * entry by its code and passes its parameters, and `say` words it in the chosen language.
 *
 * Templates: `{name}` inserts a parameter as given; `{name|n}` formats a number with thousands
 * separators in the language (`100.000` / `100,000`); `{name|q}` quotes a text ("x", shortened
 * to 60 characters); `{name|d}` gives a number written with a decimal point (`1.5`, `θ = 1.20`)
 * the decimal mark of the language (`1,5` in Danish); `{name|m}` a forecast method id by its name in a sentence
 * (`ensemble` → `ensemblet`, `forecast.method.the.<id>`; an unknown id as given); a parameter that is itself a `Msg` is
 * worded in the same language. An
 * entry may instead be a function of the parameters and the language.
 *
 * Ground floor: imports nothing but the number formats, so every layer may import it.
 */
import { formatNumber, writtenDecimals, type Lang } from './number.js';
import { TERMS } from './terms.js';
import { REPORT_TEXTS } from './report.js';
import { FORECAST_TEXTS } from './forecast.js';
import { COST_TEXTS } from './cost.js';
import { MEASURES_TEXTS } from './measures.js';
import { SCENARIO_TEXTS } from './scenario.js';
import { DATA_TEXTS } from './data.js';

export { t, label, hasString, STRING_KEYS, type StringKey } from './report.js';

export {
  TERMS,
  term,
  inputName,
  INPUT_KEYS,
  ASSUMPTION_KEYS,
  inputKey,
  inputLabel,
  inputValueText,
  inputNumFmt,
  assumptionKey,
  assumptionValue,
} from './terms.js';

export type { Lang };

/** The parameters of a message: texts, numbers, and messages worded in the same language. */
export type Params = Readonly<Record<string, string | number | Msg>>;

type Text = string | ((p: Params, lang: Lang) => string);

/** One entry: the same message in Danish and in English. */
export interface Entry {
  da: Text;
  en: Text;
}

/** A message to word later, in the language the user chose: a code of `MESSAGES` and its parameters. */
export interface Msg {
  code: MsgCode;
  params?: Params;
}

const e = <T extends Record<string, Entry>>(t: T): T => t;

/** The command line's help: usage, commands, options, examples. */
const HELP = e({
  'cli.usage': {
    da: '$0 <kommando> [indstillinger]\n\nBudget- og efterspørgselsprognoser for VISO.',
    en: '$0 <command> [options]\n\nBudget and demand forecasting for VISO.',
  },
  'cli.opt.lang': { da: 'Sprog for tal og tekst: da eller en', en: 'Language of numbers and text: da or en' },
  'cli.opt.debug': { da: 'Vis stakspor ved fejl', en: 'Show stack traces' },
  'cli.demandCommand': { da: 'Angiv en kommando (se viso --help).', en: 'Give a command (see viso --help).' },
  'cli.opt.json': { da: 'JSON i stedet for tabel', en: 'JSON instead of a table' },
  'cli.opt.jsonMachine': { da: 'Maskinlæsbart resultat (JSON)', en: 'Machine-readable output (JSON)' },
  'cli.opt.data': {
    da: 'Indlæs også serier fra denne fil (CSV/XLSX/JSON); dens serier erstatter indbyggede med samme id',
    en: 'Also load series from this file (CSV/XLSX/JSON); its series replace bundled ones with the same id',
  },
  'cli.opt.dataEstimates': {
    da: 'Også serier fra denne fil (CSV/XLSX/JSON): estimaterne bruger dem',
    en: 'Also series from this file (CSV/XLSX/JSON): the estimates use them',
  },
  'cli.opt.locale': {
    da: 'Talformat i --data-filer: da = 1.234,5, en = 1,234.5 (findes selv, hvis udeladt)',
    en: 'Number format of --data files: da = 1.234,5, en = 1,234.5 (detected if omitted)',
  },

  // runs, seed and threads (src/cli/options.ts)
  'cli.opt.runs': {
    da: 'Antal Monte Carlo-kørsler, {min|n}–{max|n} (standard: {default})',
    en: 'Monte Carlo runs, {min|n}–{max|n} (default: {default})',
  },
  'cli.opt.seed': {
    da: 'Seed, et helt tal 0–{max} (standard: {default})',
    en: 'Seed, a whole number 0–{max} (default: {default})',
  },
  'cli.opt.threads': {
    da: 'Antal worker-tråde, {min}–{max} (standard {default}; samme resultat for ethvert antal)',
    en: 'Worker threads, {min}–{max} (default {default}; the same result for any number)',
  },
  'cli.default.runs.scenario': {
    da: 'scenariefilens runs, ellers {runs|n}',
    en: "the scenario file's runs, else {runs|n}",
  },
  'cli.default.runs.report': {
    da: 'hvert scenaries runs, ellers {runs|n}',
    en: "each scenario file's runs, else {runs|n}",
  },
  'cli.default.runs.measure': { da: '{runs|n}', en: '{runs|n}' },
  'cli.default.seed.scenario': { da: 'scenariefilens seed', en: "the scenario file's seed" },
  'cli.default.seed.report': { da: 'hvert scenaries eget seed', en: "each scenario's own seed" },
  'cli.default.seed.measure': { da: '{seed}', en: '{seed}' },

  // viso data
  'cmd.data': {
    da: 'Indbyggede data og egne datafiler: list, show, validate, events',
    en: 'Bundled and user data: list, show, validate, events',
  },
  'cmd.data.demand': { da: 'Angiv list, show, validate eller events.', en: 'Give list, show, validate or events.' },
  'cmd.data.demand2': {
    da: 'Angiv list, show, validate, map eller events.',
    en: 'Give list, show, validate, map or events.',
  },
  'cmd.data.list': {
    da: 'Vis serierne: id, enhed, år, antal værdier, markeringer',
    en: 'List the series: id, unit, years, number of values, flags',
  },
  'cmd.data.show': {
    da: 'Vis én serie år for år (manglende år vises) med markeringer og kilder',
    en: 'Show one series year by year (missing years shown), with flags and sources',
  },
  'cmd.data.show.series': {
    da: 'Seriens id, fx viso.raadgivning.forbrug',
    en: 'Series id, e.g. viso.raadgivning.forbrug',
  },
  'cmd.data.show.format': { da: 'Outputformat: tabel, CSV eller JSON', en: 'Output format: table, CSV or JSON' },
  'cmd.data.bundled': {
    da: 'Medtag de indbyggede data (--no-bundled: kun --data-filer)',
    en: 'Include the bundled data (--no-bundled: only --data files)',
  },
  'cmd.data.validate': {
    da: 'Kontrollér datafiler (CSV/XLSX/JSON, lang eller bred); viser alle problemer, slutkode 2 hvis der er nogen',
    en: 'Check data files (CSV/XLSX/JSON, long or wide); lists every problem, exit code 2 if any',
  },
  'cmd.data.validate.files': { da: 'Filer, der skal kontrolleres', en: 'Files to check' },
  'cmd.data.validate.locale': {
    da: 'Talformat: da = 1.234,5, en = 1,234.5 (findes selv, hvis udeladt; tvetydige filer afvises)',
    en: 'Number format: da = 1.234,5, en = 1,234.5 (detected if omitted; ambiguous files are refused)',
  },
  'cmd.data.validate.layout': {
    da: 'long = én række pr. serie og år; wide = år som kolonner (findes selv, hvis udeladt)',
    en: 'long = one row per series and year; wide = years as columns (detected if omitted)',
  },
  'cmd.data.validate.json': {
    da: 'Maskinlæsbar rapport på stdout (JSON)',
    en: 'Machine-readable report on stdout (JSON)',
  },
  'cmd.data.events': {
    da: 'Daterede hændelser: efterspørgselsbegrænsende tiltag, COVID-19-hotline, registreringsændringer, leverandører',
    en: 'Dated events: demand-limiting measures, COVID-19 hotline, registration changes, suppliers',
  },

  // viso forecast, forecast-batch, backtest
  'cmd.forecast': {
    da: 'Prognose for én serie eller et hierarki (--hierarchy) med usikkerhedsintervaller',
    en: 'Forecast one series or a hierarchy (--hierarchy) with uncertainty intervals',
  },
  'cmd.forecast.series': {
    da: 'Seriens id, fx viso.raadgivning.forbrug',
    en: 'Series id, e.g. viso.raadgivning.forbrug',
  },
  'cmd.forecast.hierarchy': {
    da: 'Afstemt hierarki (områder → i alt, konti → §15.11.31)',
    en: 'Reconciled hierarchy (areas → total, accounts → §15.11.31)',
  },
  'cmd.forecast.measure': {
    da: 'Med --hierarchy konto: forbrug eller bevilling',
    en: 'With --hierarchy konto (accounts): forbrug (spending) or bevilling (appropriation)',
  },
  'cmd.forecast.runs': { da: 'Med --hierarchy: antal simulerede kørsler', en: 'With --hierarchy: simulated runs' },
  'cmd.forecast.seed': { da: 'Med --hierarchy: seed', en: 'With --hierarchy: seed' },
  'cmd.forecast.paths': {
    da: 'Med --hierarchy --json: medtag de simulerede kørsler',
    en: 'With --hierarchy --json: include the simulated paths',
  },
  'cmd.forecast.horizon': { da: 'Antal år frem', en: 'Years ahead' },
  'cmd.forecast.method': { da: 'Prognosemetode', en: 'Forecasting method' },
  'cmd.forecast.levels': { da: 'Intervalniveauer i %, kommasepareret', en: 'Interval levels in %, comma-separated' },
  'cmd.forecast.from': { da: 'Første år, der bruges', en: 'First year used' },
  'cmd.batch': {
    da: 'Prognoser for mange serier fra en lang CSV (id,t,value[,split]; også .gz)',
    en: 'Forecasts of many series from a long CSV (id,t,value[,split]; also .gz)',
  },
  'cmd.batch.input': {
    da: 'Datafil (CSV eller .csv.gz; - = stdin): id,t,value[,split]',
    en: 'Input CSV (or .csv.gz; - = stdin): id,t,value[,split]',
  },
  'cmd.batch.out': {
    da: 'Resultatfil (CSV): id,method,h,point,lo80,hi80,lo95,hi95',
    en: 'Output CSV: id,method,h,point,lo80,hi80,lo95,hi95',
  },
  'cmd.batch.horizon': { da: 'Antal perioder frem', en: 'Steps ahead' },
  'cmd.batch.threads': {
    da: 'Worker-tråde 1–64 (standard: antal kerner)',
    en: 'Worker threads 1–64 (default: number of cores)',
  },
  'cmd.batch.report': { da: 'Skriv alle problemer til denne CSV', en: 'Write every problem to this CSV' },
  'cmd.batch.rawIds': {
    da: "Skriv id'er uændret (ingen ' foran =, +, -, @)",
    en: "Write ids unchanged (no ' before =, +, -, @)",
  },
  'cmd.batch.progress': {
    da: 'Statuslinje på stderr (standard: kun på en terminal)',
    en: 'Progress bar on stderr (default: only on a terminal)',
  },
  'cmd.backtest': {
    da: 'Rullende backtest af prognosemetoder på en serie',
    en: 'Rolling-origin backtest of forecasting methods on a series',
  },
  'cmd.backtest.series': { da: 'Seriens id', en: 'Series id' },
  'cmd.backtest.method': { da: 'Metode(r), kommasepareret', en: 'Method(s), comma-separated' },
  'cmd.backtest.minTrain': { da: 'Mindste antal år i første træning', en: 'Years in the first training window' },

  // viso cost
  'cmd.cost': {
    da: 'Enhedsomkostning pr. forløb og omkostningsmodel (fast + variabel)',
    en: 'Unit cost per case and the cost model (fixed + variable)',
  },
  'cmd.cost.prices': { da: 'Løbende (current) eller faste (fixed) priser', en: 'Current or fixed prices' },
  'cmd.cost.baseYear': {
    da: 'Basisår for faste priser (standard: models/cost.yaml)',
    en: 'Base year of fixed prices (default: models/cost.yaml)',
  },
  'cmd.cost.assumptions': {
    da: 'Fil med omkostningsantagelser (standard: models/cost.yaml)',
    en: 'Cost assumptions file (default: models/cost.yaml)',
  },

  // viso measure
  'cmd.measure': {
    da: 'Efterspørgselsbegrænsende tiltag: list, evaluate <id|fil>',
    en: 'Demand-limiting measures: list, evaluate <id|file>',
  },
  'cmd.measure.action': {
    da: 'list: vis tiltagene; evaluate: mål et tiltags virkning',
    en: "list: the measures; evaluate: a measure's measured effect",
  },
  'cmd.measure.measure': {
    da: 'Tiltagets id (models/measures) eller en .yaml-fil',
    en: 'Measure id (models/measures) or a .yaml file',
  },
  'cmd.measure.dir': {
    da: 'Mappe med tiltag (standard: models/measures)',
    en: 'Folder of measures (default: models/measures)',
  },
  'cmd.measure.method': {
    da: 'Prognosemetode for det kontrafaktiske forløb (standard auto)',
    en: 'Forecasting method of the counterfactual (default auto)',
  },
  'cmd.measure.vantage': {
    da: 'Sidste år i førperioden (standard: året før start)',
    en: 'Last year of the pre-period (default: the year before the start)',
  },
  'cmd.measure.until': { da: 'Sidste år i evalueringen', en: 'Last year evaluated' },
  'cmd.measure.calibrate': {
    da: 'Kalibrerede prognoseintervaller (--no-calibrate: lærebogsintervaller)',
    en: 'Calibrated forecast intervals (--no-calibrate: textbook intervals)',
  },

  // viso scenario
  'cmd.scenario': {
    da: 'Monte Carlo-scenarier for merforbrug: run, compare, goal-seek, sensitivity, backtest',
    en: 'Monte Carlo scenarios of the overspend: run, compare, goal-seek, sensitivity, backtest',
  },
  'cmd.scenario.run': {
    da: 'Kør et scenarie (fil eller indbygget id: baseline, tightening-2021, high-demand)',
    en: 'Run a scenario (file or bundled id: baseline, tightening-2021, high-demand)',
  },
  'cmd.scenario.file': { da: 'Scenariefil (YAML) eller indbygget id', en: 'Scenario file (YAML) or bundled id' },
  'cmd.scenario.files': {
    da: 'Scenariefiler (YAML) eller indbyggede id’er, mindst to',
    en: 'Scenario files (YAML) or bundled ids, at least two',
  },
  'cmd.scenario.threshold': {
    da: 'P(forbrug > X) for X mio. kr. (kan gentages)',
    en: 'P(spending > X) for X DKK million (repeatable)',
  },
  'cmd.scenario.compare': { da: 'Sammenlign scenarier side om side', en: 'Compare scenarios side by side' },
  'cmd.scenario.goalSeek': {
    da: 'Find den mindste ændring af et håndtag, der opfylder et mål',
    en: 'Find the smallest change of a lever that meets a target',
  },
  'cmd.scenario.lever': {
    da: 'visitation (visitationsrate), demand (henvendelser), unitCost (pris pr. forløb) eller bevilling',
    en: 'visitation (visitation rate), demand (requests), unitCost (cost per case) or bevilling (appropriation)',
  },
  'cmd.scenario.spreadK': {
    da: 'den ene prognose: forbruget i hver kørsel spredt om medianen med faktoren k, som rapportens overskrift. backtest: k fra scenariets egen backtest efter rapportens regel; eller et tal K; uden: driver-modellen',
    en: "the one forecast: every run's spending spread around the median by the factor k, as the report's headline. backtest: k from the scenario's own backtest by the report's rule; or a number K; without it: the driver model",
  },
  'cmd.scenario.target': {
    da: 'Målet, fx "P(merforbrug>0, 2026) <= 0.2"',
    en: 'The target, e.g. "P(merforbrug>0, 2026) <= 0.2" (merforbrug: the overspend)',
  },
  'cmd.scenario.sensitivity': {
    da: 'Tornado og rangkorrelationer for merforbrug i et år',
    en: 'Tornado and rank correlations of the overspend in one year',
  },
  'cmd.scenario.year': { da: 'År (standard: basisår + 2)', en: 'Year (default: base year + 2)' },
  'cmd.scenario.backtest': {
    da: 'Genkør hele scenariekæden fra hvert udsigtsår og scor forbrug og P(merforbrug) mod de faktiske tal',
    en: 'Rerun the whole scenario chain from each vantage year and score spending and P(overspend) against the actual figures',
  },
  'cmd.scenario.vantage': {
    da: 'Udsigtsår (standard: alle, data tillader)',
    en: 'Vantage years (default: all the data allow)',
  },
  'cmd.scenario.mode': {
    da: 'asKnown: kun tiltag besluttet ved udsigtsåret; withDecisions: også de senere',
    en: 'asKnown: only measures decided by the vantage year; withDecisions: the later ones too',
  },

  // viso report, chart
  'cmd.report': {
    da: 'Skriv scenarierapporten (HTML, Markdown + PNG-grafer, XLSX, manifest.json)',
    en: 'Write the scenario report (HTML, Markdown + PNG charts, XLSX, manifest.json)',
  },
  'cmd.report.scenario': {
    da: 'Scenariefil eller indbygget id (kan gentages; standard: alle i models/scenarios/)',
    en: 'Scenario file or bundled id (repeatable; default: all in models/scenarios/)',
  },
  'cmd.report.out': { da: 'Mappe, rapporten skrives i', en: 'Output folder' },
  'cmd.report.year': {
    da: 'År for hovedtallene (standard: basisår + 2)',
    en: 'Year of the headline numbers (default: base year + 2)',
  },
  'cmd.report.target': {
    da: 'Målsøgningens mål for P(merforbrug) i hovedåret (0–1)',
    en: 'Goal-seek target for P(overspend) in the headline year (0–1)',
  },
  'cmd.report.png': {
    da: 'Tegn PNG-grafer til Markdown-rapporten (--no-png: spring over)',
    en: 'Render PNG charts for the Markdown report (--no-png to skip)',
  },
  'cmd.report.actuals': {
    da: 'Månedstal for det løbende år: tilføjer afsnittet om opfølgning i året (se viso follow-up)',
    en: 'Monthly actuals of the running year: adds the in-year follow-up section (see viso follow-up)',
  },
  'cmd.report.ex1': { da: 'standardrapporten (dansk)', en: 'the default report (Danish)' },
  'cmd.report.ex2': { da: 'ét scenarie, engelsk, flere kørsler', en: 'one scenario, English, more runs' },
  'cmd.chart': {
    da: 'Tegn én af rapportens grafer som SVG, PNG eller Vega-Lite JSON (fx viso chart budget --out budget.svg)',
    en: 'Render one report chart to SVG, PNG or Vega-Lite JSON (e.g. viso chart budget --out budget.svg)',
  },
  'cmd.chart.name': {
    da: 'Grafens navn: budget, activity, unit-cost, track-record, forecast-forbrug, scenarios, p-merforbrug, merforbrug-distribution, goal-seek, tornado, measure-<id>',
    en: 'Chart name: budget, activity, unit-cost, track-record, forecast-forbrug, scenarios, p-merforbrug, merforbrug-distribution, goal-seek, tornado, measure-<id>',
  },
  'cmd.chart.out': { da: 'Grafens fil: .svg, .png eller .vl.json', en: 'Output file: .svg, .png or .vl.json' },
  'cmd.chart.scenario': {
    da: 'Scenariefil eller indbygget id (kan gentages; standard: alle indbyggede)',
    en: 'Scenario file or bundled id (repeatable; default: all bundled)',
  },
  'cmd.chart.year': {
    da: 'År for graferne over P(merforbrug) (standard: basisår + 2)',
    en: 'Year for P(overspend)-based charts (default: base year + 2)',
  },
  'cmd.chart.target': { da: 'Målsøgningens mål for P(merforbrug)', en: 'Goal-seek target P(overspend)' },

  // viso follow-up
  'cmd.followUp': {
    da: 'Opfølgning i året: månedstal → forventet regnskab, P(merforbrug), afvigelsesforklaring',
    en: 'In-year follow-up: monthly actuals → expected accounts, P(overspend), explanation of deviations',
  },
  'cmd.followUp.actuals': {
    da: 'Månedstal (CSV/XLSX/JSON): måned, forbrug, henvendelser, startede forløb[, indgåede aftaler, budget]',
    en: 'Monthly actuals (CSV/XLSX/JSON): month, spending, requests, cases started[, agreements made, budget]',
  },
  'cmd.followUp.year': {
    da: 'Løbende år, når filen dækker flere år (standard: filens seneste)',
    en: 'Running year when the file covers several (default: its latest)',
  },
  'cmd.followUp.scenario': {
    da: 'Scenarie som prior (standard: models/followup.yaml, baseline; "none" = ingen)',
    en: 'Scenario as the prior (default: models/followup.yaml, baseline; "none" = no prior)',
  },
  'cmd.followUp.bevilling': {
    da: 'Årets bevilling, mio. kr. (standard: filens budget, data eller scenariet)',
    en: "The year's appropriation, DKK million (default: the file's budget, the data or the scenario)",
  },
  'cmd.followUp.opsparing': {
    da: 'Brugbar opsparing, mio. kr. (standard: models/followup.yaml, 0)',
    en: 'Usable savings, DKK million (default: models/followup.yaml, 0)',
  },
  'cmd.followUp.budgetForloeb': {
    da: 'Budgetteret antal forløb i året (standard: scenariets median)',
    en: "Budgeted number of cases in the year (default: the scenario's median)",
  },
  'cmd.followUp.runs': {
    da: 'Monte Carlo-træk, 1.000–10.000.000 (standard: models/followup.yaml)',
    en: 'Monte Carlo draws, 1,000–10,000,000 (default: models/followup.yaml)',
  },
  'cmd.followUp.seed': {
    da: 'Seed, et helt tal 0–4294967295 (standard: models/followup.yaml)',
    en: 'Seed, a whole number 0–4294967295 (default: models/followup.yaml)',
  },
  'cmd.followUp.locale': {
    da: 'Talformat i filen, hvis det ikke kan afgøres',
    en: "The file's number format, if it cannot be told",
  },
  'cmd.followUp.model': {
    da: 'Antagelser (standard: models/followup.yaml)',
    en: 'Assumptions (default: models/followup.yaml)',
  },
  'cmd.followUp.timing': {
    da: 'Forløbenes varighed og startprofil (standard: models/timing.yaml)',
    en: 'Duration and start profile of cases (default: models/timing.yaml)',
  },
  'cmd.followUp.out': { da: 'Tabellerne som XLSX (FIL.xlsx)', en: 'The tables as XLSX (FILE.xlsx)' },
  'cmd.followUp.chart': { da: 'Grafen: .svg, .png eller .vl.json', en: 'The chart: .svg, .png or .vl.json' },
  'cmd.followUp.backtest': {
    da: 'Backtest måned for måned over filens tidligere år (--no-backtest: spring over)',
    en: "Backtest month by month over the file's earlier years (--no-backtest: skip)",
  },
  'cmd.followUp.ex1': {
    da: 'forventet regnskab 2025 (illustrative data)',
    en: 'expected accounts 2025 (illustrative data)',
  },
  'cmd.followUp.ex2': { da: 'egen fil, tabeller og graf', en: 'own file, tables and chart' },
  // options and commands added with --data merging, --map, opsparing and the workbooks (#14, #16)
  'cmd.data.map': {
    da: 'Foreslå en oversættelse af etiketter (--map) for en fil, hvis rækker eller kolonner er navngivet med ord',
    en: 'Propose a label mapping (--map) for a file whose rows or columns are named in words',
  },
  'cmd.data2': {
    da: 'Indbyggede data og egne datafiler: list, show, validate, map, events',
    en: 'Bundled and user data: list, show, validate, map, events',
  },
  'cmd.data.dataMerge': {
    da: 'Indlæs også serier fra denne fil (CSV/XLSX/JSON), flettet ind i de indbyggede data pr. serie og år (filen vinder; ændringerne vises på stderr)',
    en: 'Also load series from this file (CSV/XLSX/JSON), merged into the bundled data per series and year (the file wins; changes listed on stderr)',
  },
  'cmd.data.mapOpt': {
    da: 'Etiketter i --data-filerne → serie-id (YAML; viso data map --suggest FIL foreslår en)',
    en: 'Labels of the --data files → series ids (YAML; viso data map --suggest FILE proposes one)',
  },
  'cmd.data.validate.layout2': {
    da: 'long = én række pr. serie og år; wide = år som kolonner; columns = år som rækker, en kolonne pr. serie (findes selv, hvis udeladt)',
    en: 'long = one row per series and year; wide = years as columns; columns = years as rows, a column per series (detected if omitted)',
  },
  'cmd.data.validate.map': {
    da: 'Etiketter i filerne → serie-id (YAML; se viso data map --suggest)',
    en: 'Labels of the files → series ids (YAML; see viso data map --suggest)',
  },
  'cmd.data.map.file': { da: 'Datafil (CSV/XLSX)', en: 'Data file (CSV/XLSX)' },
  'cmd.data.map.suggest': {
    da: 'Sammenlign etiketterne med de indbyggede serier og skriv en oversættelse (YAML), der kan kontrolleres og gemmes',
    en: 'Match the labels against the bundled series and print a mapping (YAML) to check and save',
  },
  'cmd.followUp.opsparing2': {
    da: 'Brugbar opsparing, mio. kr. (standard: models/followup.yaml: saldoen året før efter budgetreglerne i models/budget.yaml)',
    en: 'Usable savings, DKK million (default: models/followup.yaml: the balance of the year before under the budget rules in models/budget.yaml)',
  },
  'cli.opt.map': {
    da: 'Etiketter i --data-filer → serie-id (YAML; viso data map --suggest FIL)',
    en: 'Labels of --data files → series ids (YAML; viso data map --suggest FILE)',
  },
  'cli.opt.dataMerge': {
    da: 'Egne data (CSV/XLSX/JSON), flettet ind i de indbyggede pr. serie og år',
    en: 'Your own data (CSV/XLSX/JSON), merged into the bundled data per series and year',
  },
  'cli.opt.budget': {
    da: 'Budgetregler for opsparingen, der føres mellem årene (standard: models/budget.yaml)',
    en: 'Budget rules of the savings carried between years (default: models/budget.yaml)',
  },
  'cli.opt.pl': {
    da: 'PL-indeks, som bevilling og omkostninger følger (standard: models/pl.yaml)',
    en: 'PL indices that the appropriation and costs follow (default: models/pl.yaml)',
  },
  'cmd.report.ex3': {
    da: 'med egne tal (fx 2025) flettet ind i de indbyggede data',
    en: 'with your own figures (e.g. 2025) merged into the bundled data',
  },
  'cmd.scenario.template': {
    da: 'Skriv scenariets antagelser som en redigerbar projektmappe (--xlsx FIL); scenario run|compare|goal-seek|sensitivity og report --scenario læser den',
    en: "Write the scenario's assumptions as an editable workbook (--xlsx FILE); scenario run|compare|goal-seek|sensitivity and report --scenario read it",
  },
  'cmd.scenario2': {
    da: 'Monte Carlo-scenarier for merforbrug: run, compare, goal-seek, sensitivity, backtest, template',
    en: 'Monte Carlo scenarios of the overspend: run, compare, goal-seek, sensitivity, backtest, template',
  },
  'cmd.scenario.out': {
    da: 'Skriv også resultatet som regneark: FIL.xlsx (alle tabeller) eller FIL.csv (hovedtabellen)',
    en: 'Also write the result as a spreadsheet: FILE.xlsx (every table) or FILE.csv (the main table)',
  },
  'cmd.scenario.target2': {
    da: 'Målet, fx "P(merforbrug>0, 2026) <= 0.2" eller "P(merforbrug>opsparing, 2028) <= 0.1" (forbrug > bevilling + brugbar opsparing)',
    en: 'The target, e.g. "P(merforbrug>0, 2026) <= 0.2" or "P(merforbrug>opsparing, 2028) <= 0.1" (merforbrug: the overspend; opsparing: the savings, so spending > appropriation + usable savings)',
  },
  'cmd.scenario.xlsx': { da: 'Projektmappen, der skrives (.xlsx)', en: 'The workbook written (.xlsx)' },
});

/** Names of the cost model's parameters (a scenario file's input keys are named in src/text/terms.ts, `INPUT_KEYS`). */
const NAMES = e({
  'cost.fixed': { da: 'Faste omkostninger', en: 'Fixed costs' },
  'cost.unit': { da: 'Pris pr. forløb', en: 'Cost per case' },
  'cost.break': { da: 'Niveauskift fra {year}', en: 'Level shift from {year}' },
});

/** The errors a user meets, worded here; the code that finds them passes a code and parameters. */
/** The Danish header names of the long layout's columns (src/data/records.ts COLUMN_ALIASES), for messages. */
const DA_COLUMN: Record<string, string> = { series: 'serie', year: 'år', value: 'værdi', unit: 'enhed' };

const ERRORS = e({
  // the frame of an input problem (src/errors.ts formatInputProblem)
  'input.column': { da: 'kolonne {column}', en: 'column {column}' },
  'input.expected': { da: 'forventede {expected}', en: 'expected {expected}' },
  'input.found': { da: 'fandt {found|q}', en: 'found {found|q}' },
  'cli.internal': { da: 'viso: intern fejl: {message}', en: 'viso: internal error: {message}' },
  'cli.debugHint': { da: '(kør igen med --debug for detaljer)', en: '(run again with --debug for details)' },

  // run options (src/cli/options.ts)
  'opt.lang': { da: '--lang skal være da eller en, fik {got}', en: '--lang must be da or en, got {got}' },
  'opt.repeated': {
    da: '--{name} er angivet {count} gange; angiv den én gang',
    en: '--{name} is given {count} times; give it once',
  },
  'opt.separator': {
    da: '--{name} skal skrives uden tusindtalsseparator, fx {plain}, fik {got}',
    en: '--{name} must be written without a thousands separator, e.g. {plain}, got {got}',
  },
  // an integer argument of an API function out of range (src/io/limits.ts checkIntegerArg)
  'api.integer': {
    da: '{name} skal være et helt tal fra {min|n} til {max|n}, fik {got}',
    en: '{name} must be an integer from {min|n} to {max|n}, got {got}',
  },
  // a chart argument of renderSvg, svgToPng's callers, renderChart that is no Vega-Lite spec (src/report/render.ts)
  'api.chartSpec': {
    da: '{name} skal være en Vega-Lite-specifikation, som budgetChart(...) giver, fik {got}',
    en: '{name} must be a Vega-Lite spec such as budgetChart(...) returns, got {got}',
  },
  'api.chartRows': {
    da: '{name} skal være en liste af rækker, som {rowsFn}(ds) giver, fik {got}',
    en: '{name} must be an array of rows such as {rowsFn}(ds) returns, got {got}',
  },
  'opt.integer': {
    da: '--{name} skal være et helt tal fra {min|n} til {max|n}, fik {got}',
    en: '--{name} must be a whole number from {min|n} to {max|n}, got {got}',
  },
  'opt.year': { da: '--{name} skal være et årstal, fik {got}', en: '--{name} must be a year, got {got}' },
  'opt.yearRange': {
    da: '--{name} skal være et årstal {min}–{max}, fik {got}',
    en: '--{name} must be a year {min}–{max}, got {got}',
  },
  'opt.spreadK': {
    da: '--spread-k skal være backtest eller et positivt tal (fx 1.6), fik {got}',
    en: '--spread-k must be backtest or a positive number (e.g. 1.6), got {got}',
  },
  'opt.notNumber': {
    da: '--{name} skal være et tal (decimaler med komma eller punktum), fik {got}',
    en: '--{name} must be a number, got {got}',
  },
  'opt.number': {
    da: '--{name} skal være et tal ({unit}), fik {got}',
    en: '--{name} must be a number ({unit}), got {got}',
  },
  'opt.positiveAmount': {
    da: '--{name} skal være et positivt beløb i mio. kr., fik {got}',
    en: '--{name} must be a positive amount in DKK million, got {got}',
  },
  'opt.amountScale': {
    da: '--{name} skal være i mio. kr. på dataets niveau (bevilling {ref|d} mio. kr.); mente du {guess|d}? fik {got}',
    en: "--{name} must be in DKK million on the data's scale (appropriation DKK {ref}m); did you mean {guess}? got {got}",
  },
  'opt.nonNegativeAmount': {
    da: '--{name} skal være et beløb ≥ 0 i mio. kr., fik {got}',
    en: '--{name} must be an amount ≥ 0 in DKK million, got {got}',
  },
  'opt.probability': {
    da: '--{name} skal være en sandsynlighed mellem 0 og 1 (eller 0–100 %), fik {got}',
    en: '--{name} must be a probability between 0 and 1 (or 0–100%), got {got}',
  },
  'opt.probabilityPct': {
    da: (p) =>
      `--${p.name} skal være en sandsynlighed mellem 0 og 1 (eller 0–100 %), fik ${p.got}; mente du ${formatNumber(Number(p.share), writtenDecimals(Number(p.share)), 'da')} (${p.got} %)?`,
    en: (p) =>
      `--${p.name} must be a probability between 0 and 1 (or 0–100%), got ${p.got}; did you mean ${formatNumber(Number(p.share), writtenDecimals(Number(p.share)), 'en')} (${p.got}%)?`,
  },
  // endings: a list separated by |, worded "a, b or c"
  'opt.ending': {
    da: (p) => `--${p.name} skal ende på ${alternatives(String(p.endings), 'eller')}, fik ${String(p.got)}`,
    en: (p) => `--${p.name} must end in ${alternatives(String(p.endings), 'or')}, got ${String(p.got)}`,
  },
  'opt.oneOf': {
    da: '--{name} skal være én af {choices}, fik {got}',
    en: '--{name} must be one of {choices}, got {got}',
  },
  'opt.levels': {
    da: '--levels skal være procenter mellem 0 og 100, kommasepareret, fx 80,95, fik {got}',
    en: '--levels must be comma-separated percentages between 0 and 100, e.g. 80,95, got {got}',
  },
  'opt.horizon': {
    da: '--horizon skal være et helt tal fra 1 til {max}, fik {got}',
    en: '--horizon must be a whole number from 1 to {max}, got {got}',
  },
  'opt.horizonHierarchy': {
    da: '--horizon skal være et helt tal fra 1 til {max} med --hierarchy, fik {got}',
    en: '--horizon must be a whole number from 1 to {max} with --hierarchy, got {got}',
  },
  'opt.measurePaths': {
    da: '--runs: measure evaluate gemmer hvert simuleret forløb i hukommelsen og kører højst {max|n}, fik {got|n}',
    en: '--runs: measure evaluate keeps every simulated path in memory and runs at most {max|n}, got {got|n}',
  },
  'opt.backtestRuns': {
    da: '--runs skal være et helt tal fra 100 til 10.000.000 i en backtest, fik {got|n}',
    en: '--runs must be a whole number from 100 to 10,000,000 for a backtest, got {got|n}',
  },
  'opt.onlyWithHierarchy': {
    da: '--{name} gælder kun sammen med --hierarchy',
    en: '--{name} applies only with --hierarchy',
  },
  'opt.seriesOrHierarchy': {
    da: 'angiv enten et serie-id eller --hierarchy, ikke begge (fik {series} og --hierarchy {hierarchy})',
    en: 'give either a series id or --hierarchy, not both (got {series} and --hierarchy {hierarchy})',
  },
  'opt.jsonOrFormat': {
    da: '--json er det samme som --format json; angiv ikke også --format {format}',
    en: '--json is --format json; do not also give --format {format}',
  },
  'opt.needSeries': {
    da: 'angiv et serie-id (se viso data list) eller --hierarchy henvendelser|forloeb|konto',
    en: 'give a series id (see viso data list) or --hierarchy henvendelser|forloeb|konto (requests, cases or accounts)',
  },
  'opt.unknownMethod': {
    da: 'ukendt metode {method|q} (kendte: {methods})',
    en: 'unknown method {method|q} (expected {methods})',
  },
  'opt.compareTwo': { da: 'compare kræver mindst to scenarier', en: 'compare needs at least two scenarios' },
  'opt.measureListNoArg': {
    da: 'viso measure list tager intet tiltag som argument',
    en: 'viso measure list takes no measure argument',
  },
  'opt.measureEvaluateArg': {
    da: 'viso measure evaluate kræver et tiltags id eller en .yaml-fil (se viso measure list)',
    en: 'viso measure evaluate needs a measure id or .yaml file (see viso measure list)',
  },
  'opt.noData': {
    da: 'uden de indbyggede data kræves mindst én datafil (--data FIL)',
    en: 'without the bundled data at least one data file is needed (--data FILE)',
  },

  // unknown names
  'name.unknownSeries': {
    da: 'ukendt serie "{id}"{near} (se viso data list)',
    en: 'unknown series "{id}"{near} (see viso data list)',
  },
  'name.didYouMean': { da: '; mente du {names}?', en: '; did you mean {names}?' },
  'name.unknownScenario': {
    da: 'scenariet {ref|q} findes ikke (en YAML-fil eller et af de indbyggede: {bundled})',
    en: 'scenario {ref|q} not found (a YAML file, or one of the bundled: {bundled})',
  },

  // data files (src/data/records.ts, src/data/rawtable.ts): what was expected
  'data.layout': {
    da: 'kolonnerne series, year, value, unit (lang form) eller series, unit og årskolonner som 2020 (bred form)',
    en: 'columns series, year, value, unit (long layout) or series, unit and year columns such as 2020 (wide layout)',
  },
  'data.layoutMonthly': {
    da: 'kolonnerne series, year, value, unit (lang form) eller series, unit og årskolonner som 2020 (bred form); månedstal eller kvartalstal som 2025-01 læses af viso follow-up --actuals FIL',
    en: 'columns series, year, value, unit (long layout) or series, unit and year columns such as 2020 (wide layout); monthly or quarterly figures such as 2025-01 are read by viso follow-up --actuals FILE',
  },
  'data.uniqueColumn': {
    da: 'entydige kolonnenavne ({name|q} er også kolonne {other})',
    en: 'unique column names ({name|q} is also column {other})',
  },
  'data.rowsAfterHeader': { da: 'datarækker efter overskriften', en: 'data rows after the header' },
  'data.endOfFile': { da: 'filens slutning', en: 'end of file' },
  // columns: the missing ones, comma-separated; count: how many; layout: long or wide
  // (in Danish the Danish header names first, as a Danish file writes them: serie;år;værdi;enhed)
  'data.missingColumns': {
    da: (p) =>
      `${Number(p.count) > 1 ? 'kolonnerne' : 'kolonnen'} ${String(p.columns)
        .split(', ')
        .map((c) => DA_COLUMN[c] ?? c)
        .join(', ')} (eller ${String(p.columns)}; ${p.layout === 'long' ? 'lang' : 'bred'} form)`,
    en: (p) => `column${Number(p.count) > 1 ? 's' : ''} ${String(p.columns)} (${String(p.layout)} layout)`,
  },
  'data.layoutLong': { da: 'lang form', en: 'long layout' },
  'data.yearColumns': { da: 'årskolonner som 2020 (bred form)', en: 'year columns such as 2020 (wide layout)' },
  'data.yearBetween': { da: 'et årstal mellem {min} og {max}', en: 'a year between {min} and {max}' },
  'data.seriesId': { da: 'et serie-id', en: 'a series id' },
  'data.seriesIdForm': {
    da: 'et serie-id af små bogstaver, cifre, _ og . (fx viso.raadgivning.forbrug)',
    en: 'a series id of lower-case letters, digits, _ and . (e.g. viso.raadgivning.forbrug)',
  },
  'data.unit': { da: 'en enhed: {units} (eller antal, %, mio.kr.)', en: 'a unit: {units} (or antal, %, mio.kr.)' },
  'data.numberDa': { da: 'et tal som 1.234,5', en: 'a number like 1.234,5' },
  'data.numberEn': { da: 'et tal som 1,234.5', en: 'a number like 1,234.5' },
  'data.number': { da: 'et tal', en: 'a number' },
  // a number written as accounts print it (src/data/numbers.ts numberHint)
  'data.numberHinted': { da: '{base} ({hint})', en: '{base} ({hint})' },
  'data.numberHint.paren': {
    da: 'et negativt tal skrives med minus: {x}',
    en: 'a negative number is written with a minus: {x}',
  },
  'data.numberHint.percent': {
    da: 'uden %-tegn: enheden står i kolonnen enhed eller overskriften',
    en: 'without the % sign: the unit goes in the unit column or the header',
  },
  'data.numberHint.unit': {
    da: 'uden enhed i cellen: enheden står i kolonnen enhed eller overskriften, fx "forbrug (kr.)"',
    en: 'without a unit in the cell: the unit goes in the unit column or the header, e.g. "forbrug (kr.)"',
  },
  'data.yearSuchAs': { da: 'et årstal som 2020', en: 'a year such as 2020' },
  'data.yearSuchAsMonthly': {
    da: 'et årstal som 2020 (månedstal eller kvartalstal som 2025-01 læses af viso follow-up --actuals FIL)',
    en: 'a year such as 2020 (monthly or quarterly figures such as 2025-01 are read by viso follow-up --actuals FILE)',
  },
  'data.flags': { da: 'markeringer adskilt af | blandt {flags}', en: 'flags separated by | from {flags}' },
  // where (here too in data.sameMeta, data.ambiguousWhole, data.mixed): the earlier cell's name in a spreadsheet
  // (Data!C3), else a data.err.onLine; here: data.err.thisLine or data.err.thisCell (src/data/cellref.ts)
  'data.sameUnit': {
    da: 'samme enhed i alle rækker af {series} ({where} har {unit})',
    en: 'the same unit for all rows of {series} ({where} has {unit})',
  },
  'data.sameMeta': {
    da: 'samme {field} i alle rækker af {series} ({where} har {value|q})',
    en: 'the same {field} for all rows of {series} ({where} has {value|q})',
  },
  'data.wholeYear': { da: 'et helt årstal', en: 'a whole-number year' },
  'data.finite': { da: 'et endeligt tal', en: 'a finite number' },
  'data.countNonNegative': { da: 'et antal på 0 eller mere', en: 'a count of 0 or more' },
  'data.countWhole': { da: 'et helt tal (enhed antal)', en: 'a whole number (unit count)' },
  'data.pct': { da: 'en procent mellem 0 og 100', en: 'a percentage between 0 and 100' },
  // a value off its plausible scale (src/data/records.ts)
  'data.absurd': { da: 'et tal på højst {max|n} i absolut værdi', en: 'a number of at most {max|n} in absolute value' },
  'data.amountScale': {
    da: 'et beløb i mio. kr. på de indbyggede datas niveau ({series} {year}: {ref|d} mio. kr.){from}; mente du {guess|d}?',
    en: "an amount in DKK million on the bundled data's scale ({series} {year}: DKK {ref}m){from}; did you mean {guess}?",
  },
  // (after data.amountScale's scale, for an amount converted from the file's unit)
  'data.amountFrom': {
    da: (p) =>
      `, men i ${String(p.unit)} er det ${formatNumber(Number(p.value), writtenDecimals(Number(p.value)), 'da')} mio. kr.`,
    en: (p) =>
      `, but in ${String(p.unit)} it is DKK ${formatNumber(Number(p.value), writtenDecimals(Number(p.value)), 'en')}m`,
  },
  'data.amountNegative': {
    da: 'et beløb på 0 eller mere ({series} er aldrig negativ i de indbyggede data; {year}: {ref|d} mio. kr.)',
    en: 'an amount of 0 or more ({series} is never negative in the bundled data; {year}: DKK {ref}m)',
  },
  'data.amountUnit': {
    da: 'et beløb i mio. kr. under {max|n} (et beløb i kr. eller 1.000 kr. skal stå med den enhed); mente du {guess|d}?',
    en: 'an amount in DKK million below {max|n} (an amount in kr. or 1.000 kr. must say so in its unit); did you mean {guess}?',
  },
  'data.ambiguous': {
    da: 'et entydigt talformat: "{x}" læses som {da} (dansk) eller {en} (internationalt); angiv --locale da eller --locale en',
    en: 'an unambiguous number format: "{x}" reads as {da} (Danish) or {en} (international); give --locale da or --locale en',
  },
  'data.ambiguousWhole': {
    da: 'et entydigt tal i {unit}: {x|q} er {whole|n} som helt tal, men {literal|d} i filens {format} talformat (som {by|q} på {where}); angiv --locale da eller --locale en',
    en: "an unambiguous number in {unit}: {x|q} is {whole|n} as a whole number but {literal|d} in the file's {format} number format (as {by|q} on {where}); give --locale da or --locale en",
  },
  'data.formatDa': { da: 'danske', en: 'Danish' },
  'data.formatEn': { da: 'internationale', en: 'international' },
  'data.mixed': {
    da: 'tal i ét format: {where} bruger dansk "{text}", {here} internationalt; angiv --locale da eller --locale en',
    en: 'numbers in one format: {where} uses Danish "{text}", {here} international; give --locale da or --locale en',
  },
  'data.fileKind': {
    da: 'en .csv-, .tsv-, .txt-, .xlsx- eller .json-fil',
    en: 'a .csv, .tsv, .txt, .xlsx or .json file',
  },
  'data.fieldsAsHeader': {
    da: '{n} felter som i overskriften (skilletegn "{delimiter}"){hint}',
    en: '{n} fields as in the header (delimiter "{delimiter}"){hint}',
  },
  'data.fieldsDecimalComma': {
    da: '; et decimalkomma i en kommasepareret fil deler tallet ({x|q}): skriv det i anførselstegn, eller gem filen med semikolon',
    en: '; a decimal comma in a comma-separated file splits the number ({x|q}): quote it, or save the file with semicolons',
  },
  'data.headerLine': { da: 'en overskriftslinje', en: 'a header line' },
  'followup.header': {
    da: 'en overskrift med en månedskolonne (måned, month, periode, kvartal) og kolonner som forbrug, henvendelser, forløb (eller serie, måned, værdi)',
    en: 'a header with a month column (måned, month, periode, kvartal) and columns such as spending, requests, cases started (or forbrug, henvendelser, forløb; or serie, måned, værdi)',
  },
  'followup.forbrugColumn': {
    da: 'en forbrugskolonne (månedligt forbrug, mio. kr.)',
    en: 'a spending column (forbrug or spending: monthly spending, mio. kr.)',
  },
  'followup.month': {
    da: 'en måned som 2025-01, jan 2025 eller 2025M01 (eller et kvartal som 2025K1)',
    en: 'a month such as 2025-01, jan 2025 or 2025M01 (or a quarter such as 2025K1)',
  },
  'followup.countNonNegative': { da: 'et antal på 0 eller mere ({measure})', en: 'a count of 0 or more ({measure})' },
  'followup.countWhole': { da: 'et helt tal ({measure} er et antal)', en: 'a whole number ({measure} is a count)' },
  // a count column's quantity in words in the messages above (not the key forloeb)
  'followup.measure.forloeb': { da: 'startede forløb', en: 'cases started' },
  'followup.measure.henvendelser': { da: 'henvendelser', en: 'requests' },
  'data.atLeastOne': { da: 'mindst én værdi', en: 'at least one value' },

  // files (src/io/read.ts)
  'file.readable': { da: 'en læsbar fil', en: 'a readable file' },
  'file.readableYaml': { da: 'en læsbar YAML-fil', en: 'a readable YAML file' },
  'file.regular': { da: '{what} (en almindelig fil)', en: '{what} (a regular file)' },
  'file.noSuchFile': { da: 'filen findes ikke', en: 'no such file' },
  'file.noSuchPath': {
    da: 'filen findes ikke (en del af stien er ikke en mappe)',
    en: 'no such file (a part of the path is not a folder)',
  },
  'file.permission': { da: 'adgang nægtet', en: 'permission denied' },
  'file.aFolder': { da: 'en mappe', en: 'a folder' },
  'file.kindRegular': { da: 'en almindelig fil', en: 'a regular file' },
  'file.kindDevice': { da: 'en enhed (ikke en almindelig fil)', en: 'a device (not a regular file)' },
  'file.kindPipe': { da: 'en pipe (ikke en almindelig fil)', en: 'a pipe (not a regular file)' },
  'file.kindSocket': { da: 'en socket (ikke en almindelig fil)', en: 'a socket (not a regular file)' },
  'file.kindOther': { da: 'ikke en almindelig fil', en: 'not a regular file' },
  'file.linkLoop': { da: 'en løkke af symbolske links', en: 'a symbolic link loop' },
  'file.pathTooLong': { da: 'en for lang sti', en: 'a path that is too long' },

  // YAML files checked against their schema (src/io/yaml.ts, src/scenario/load.ts)
  'yaml.at': {
    da: (p, L) => `${p.where ? `${String(p.where)}: ` : ''}${wordParam(p.what, L)}`,
    en: (p, L) => `${p.where ? `${String(p.where)}: ` : ''}${wordParam(p.what, L)}`,
  },
  'yaml.for': { da: '{what} for {path}', en: '{what} for {path}' },
  // a hint ('; did you mean -0.1 …?') placed after the key the message concerns (path: yaml.forPath, '' for none)
  'yaml.forHint': { da: '{what}{path}{hint}', en: '{what}{path}{hint}' },
  'yaml.forPath': { da: ' for {path}', en: ' for {path}' },
  'yaml.unknownKey': { da: 'ukendt nøgle {key}', en: 'unknown key {key}' },
  'yaml.unknownKeyNear': { da: 'ukendt nøgle {key}; mente du {near}?', en: 'unknown key {key}; did you mean {near}?' },
  'yaml.nothing': { da: 'intet', en: 'nothing' },
  'yaml.mapping': { da: 'en YAML-afbildning (linjer med nøgle: værdi)', en: 'a YAML mapping (key: value lines)' },
  'yaml.emptyFile': { da: 'en tom fil', en: 'an empty file' },
  'yaml.aList': { da: 'en liste', en: 'a list' },
  'scenario.noCycle': { da: 'extends uden en løkke', en: 'extends without a cycle' },
  'scenario.extendsExisting': {
    da: 'en eksisterende scenariefil eller et indbygget scenarie-id',
    en: 'an existing scenario file or bundled scenario id',
  },
  'scenario.extendsYaml': {
    da: 'en scenariefil, der ender på .yaml (eller et indbygget scenarie-id)',
    en: 'a scenario file ending in .yaml (or a bundled scenario id)',
  },
  'scenario.horizonAfter': {
    da: 'et horisontår efter baseYear {baseYear}',
    en: 'a horizon year after baseYear {baseYear}',
  },
  'scenario.horizonMax': { da: 'højst 50 år efter baseYear', en: 'at most 50 years after baseYear' },
  'scenario.positiveActual': { da: 'en positiv actual.{key}', en: 'a positive actual.{key}' },
  'scenario.amountYear': { da: 'et år fra {from} til {to}', en: 'a year from {from} to {to}' },
  'scenario.measureOnce': { da: 'hvert tiltag højst én gang', en: 'each measure at most once' },
  'scenario.rank': {
    da: 'en rangkorrelation strengt mellem -1 og 1',
    en: 'a rank correlation strictly between -1 and 1',
  },
  'scenario.twoInputs': { da: 'to forskellige input', en: 'two different inputs' },
  'scenario.runs': { da: 'runs: et helt tal fra 1 til 100.000.000', en: 'runs: an integer from 1 to 100,000,000' },
  'yaml.onlyKnownKeys': { da: 'kun kendte nøgler', en: 'only known keys' },
  'yaml.valueForm': {
    da: 'et tal, et udtryk som tekst eller en fordeling {dist: fixed|normal|lognormal|triangular|uniform|empirical, ...}',
    en: 'a number, an expression string or a distribution {dist: fixed|normal|lognormal|triangular|uniform|empirical, ...}',
  },
  'zod.required': { da: 'en værdi (et påkrævet felt mangler)', en: 'a value (required field is missing)' },
  'zod.whole': { da: 'et helt tal', en: 'a whole number' },
  'zod.finite': { da: 'et endeligt tal', en: 'a finite number' },
  'zod.type': {
    da: (p) => TYPE_DA[String(p.type)] ?? `en værdi af typen ${String(p.type)}`,
    en: (p) => article(String(p.type)),
  },
  'zod.textMax': { da: 'en tekst på højst {n} tegn', en: 'a text of at most {n} characters' },
  'zod.itemsMax': { da: 'højst {n} elementer', en: 'at most {n} items' },
  'zod.below': { da: 'et tal under {n}', en: 'a number below {n}' },
  'zod.atMost': { da: 'et tal på højst {n}', en: 'a number of at most {n}' },
  'zod.nonEmptyText': { da: 'en tekst, der ikke er tom', en: 'a non-empty text' },
  'zod.textMin': { da: 'en tekst på mindst {n} tegn', en: 'a text of at least {n} characters' },
  'zod.nonEmptyList': { da: 'en liste, der ikke er tom', en: 'a non-empty list' },
  'zod.itemsMin': { da: 'mindst {n} elementer', en: 'at least {n} items' },
  'zod.above': { da: 'et tal over {n}', en: 'a number above {n}' },
  'zod.atLeast': { da: 'et tal på mindst {n}', en: 'a number of at least {n}' },
  'zod.unknownKeys': { da: 'ingen ukendte nøgler ({keys})', en: 'no unknown keys ({keys})' },
  'zod.value': { da: '{value}', en: '{value}' },
  'zod.oneOf': { da: 'én af {values}', en: 'one of {values}' },
  'zod.key': { da: 'en nøgle, der er {what}', en: 'a key that is {what}' },
  'zod.validKey': { da: 'en gyldig nøgle', en: 'a valid key' },
  'zod.format': { da: 'en tekst i formatet {format}', en: 'a text in the {format} format' },
  'zod.multiple': { da: 'et multiplum af {n}', en: 'a multiple of {n}' },
  'zod.union': { da: 'én af de tilladte former', en: 'one of the allowed forms' },
  'zod.valid': { da: 'en gyldig værdi', en: 'a valid value' },

  'name.measure': { da: 'et tiltags id ({ids}) eller en .yaml-fil', en: 'a measure id ({ids}) or a .yaml file' },
  'scenario.target': {
    da: 'målet skal have formen "P(merforbrug>0, 2026) <= 0.2" (eller forbrug, >=; "P(merforbrug>opsparing, 2026) <= 0.1" for forbrug ud over bevilling + brugbar opsparing), fik {got}',
    en: 'target must look like "P(merforbrug>0, 2026) <= 0.2" (or forbrug, >=; "P(merforbrug>opsparing, 2026) <= 0.1" for spending beyond the appropriation + usable savings), got {got}',
  },
  'scenario.targetP': {
    da: 'målets sandsynlighed skal være mellem 0 og 1 (eller 0–100 %), fik {got}',
    en: 'target probability must be between 0 and 1 (or 0–100%), got {got}',
  },
  'scenario.yearOutside': {
    da: 'året {year} ligger uden for de simulerede år {from}–{to}',
    en: 'year {year} is outside the simulated years {from}–{to}',
  },
  'scenario.targetYearOutside': {
    da: 'målets år {year} ligger uden for de simulerede år {from}–{to}',
    en: 'target year {year} is outside the simulated years {from}–{to}',
  },
  'report.yearOutside': {
    da: '--year {year} ligger uden for de simulerede år {from}–{to} i scenariet {id}',
    en: '--year {year} is outside the simulated years {from}–{to} of scenario {id}',
  },
  'scenario.bevillingLever': {
    da: 'håndtaget bevilling ændrer ikke forbruget: brug visitation, demand eller unitCost',
    en: 'the bevilling lever (extra appropriation) does not change spending: use visitation, demand or unitCost',
  },

  'opt.unknownChart': {
    da: 'ukendt graf "{name}"{why}; grafer: {known}, measure-<id>',
    en: 'unknown chart "{name}"{why}; charts: {known}, measure-<id>',
  },
});

/**
 * yargs's own messages (parse errors and help labels) in Danish, the default language of `viso`;
 * with `--lang en` yargs keeps its English ones. Keys are yargs's (node_modules/yargs/locales/en.json).
 */
export const YARGS_DA: Record<string, string | { one: string; other: string }> = {
  'Commands:': 'Kommandoer:',
  'Options:': 'Indstillinger:',
  'Examples:': 'Eksempler:',
  'Positionals:': 'Argumenter:',
  boolean: 'boolesk',
  string: 'tekst',
  number: 'tal',
  array: 'liste',
  required: 'påkrævet',
  'default:': 'standard:',
  'choices:': 'valg:',
  'aliases:': 'aliaser:',
  'Not enough non-option arguments: got %s, need at least %s': {
    one: 'For få argumenter: fik %s, kræver mindst %s',
    other: 'For få argumenter: fik %s, kræver mindst %s',
  },
  'Too many non-option arguments: got %s, maximum of %s': {
    one: 'For mange argumenter: fik %s, højst %s',
    other: 'For mange argumenter: fik %s, højst %s',
  },
  'Missing argument value: %s': { one: 'Mangler en værdi til %s', other: 'Mangler værdier til %s' },
  'Missing required argument: %s': { one: 'Mangler påkrævet argument: %s', other: 'Mangler påkrævede argumenter: %s' },
  'Unknown argument: %s': { one: 'Ukendt argument: %s', other: 'Ukendte argumenter: %s' },
  'Unknown command: %s': { one: 'Ukendt kommando: %s', other: 'Ukendte kommandoer: %s' },
  'Invalid values:': 'Ugyldige værdier:',
  'Argument: %s, Given: %s, Choices: %s': 'Argument: %s, angivet: %s, valg: %s',
  'Not enough arguments following: %s': 'For få argumenter efter: %s',
  'Show help': 'Vis hjælp',
  'Show version number': 'Vis versionsnummer',
  'Did you mean %s?': 'Mente du %s?',
  count: 'antal',
  default: 'standard',
  'generated-value': 'beregnet værdi',
  'Argument check failed: %s': 'Kontrol af argumenter fejlede: %s',
  'Implications failed:': 'Manglende afhængige argumenter:',
  'Invalid JSON config file: %s': 'Ugyldig JSON-konfigurationsfil: %s',
  'Path to JSON config file': 'Sti til JSON-konfigurationsfil',
  'Arguments %s and %s are mutually exclusive': 'Argumenterne %s og %s kan ikke bruges sammen',
  command: 'kommando',
  deprecated: 'forældet',
  'deprecated: %s': 'forældet: %s',
};

/** Every message of the command line, by code. */

export const MESSAGES = {
  ...HELP,
  ...TERMS,
  ...NAMES,
  ...ERRORS,
  ...REPORT_TEXTS,
  ...FORECAST_TEXTS,
  ...DATA_TEXTS,
  ...COST_TEXTS,
  ...MEASURES_TEXTS,
  ...SCENARIO_TEXTS,
};

/** A code of `MESSAGES`. */
export type MsgCode = keyof typeof MESSAGES;

/**
 * Word a message in a language (Danish unless told otherwise).
 *
 * @example
 * say('opt.integer', { name: 'runs', min: 1, max: 1e8, got: '0' }, 'en') // '--runs must be a whole number from 1 to 100,000,000, got 0'
 * say('cmd.data')                                                           // 'Indbyggede data og egne datafiler: list, show, validate, events'
 */
export function say(code: MsgCode, params: Params = {}, lang: Lang = 'da'): string {
  const entry: Entry | undefined = (MESSAGES as Record<string, Entry>)[code];
  if (!entry) throw new Error(`no message ${JSON.stringify(code)} in src/text/messages.ts`);
  return fill(lang === 'en' ? entry.en : entry.da, params, lang);
}

/** Word a `Msg` (a code and its parameters). */
export function sayMsg(m: Msg, lang: Lang = 'da'): string {
  return say(m.code, m.params ?? {}, lang);
}

/** Whether a value is a `Msg` (a code of this dictionary with its parameters). */
export function isMsg(x: unknown): x is Msg {
  return typeof x === 'object' && x !== null && typeof (x as Msg).code === 'string' && (x as Msg).code in MESSAGES;
}

/** Names of value types, in Danish (zod's type names as keys). */
const TYPE_DA: Record<string, string> = {
  number: 'et tal',
  string: 'en tekst',
  boolean: 'true eller false',
  array: 'en liste',
  object: 'en afbildning (nøgle: værdi)',
  record: 'en afbildning (nøgle: værdi)',
  map: 'en afbildning (nøgle: værdi)',
  int: 'et helt tal',
  date: 'en dato',
};

/** An English type name with its article (`a number`, `an object`; array and object in words). */
function article(t: string): string {
  if (t === 'array') return 'a list';
  if (t === 'object' || t === 'record' || t === 'map') return 'a mapping';
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/** A parameter worded: a `Msg` in the language, anything else as text. */
function wordParam(v: string | number | Msg | undefined, lang: Lang): string {
  return typeof v === 'object' ? sayMsg(v, lang) : String(v ?? '');
}

/** `a|b|c` as "a, b or c". */
function alternatives(list: string, or: string): string {
  const xs = list.split('|');
  return xs.length < 2 ? list : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`;
}

function fill(t: Text, p: Params, lang: Lang): string {
  if (typeof t === 'function') return t(p, lang);
  return t.replace(/\{(\w+)(?:\|([nqdm]))?\}/g, (whole, name: string, fmt: string | undefined) => {
    const v = p[name];
    if (v === undefined) return whole;
    if (typeof v === 'object') return sayMsg(v, lang);
    if (fmt === 'm') {
      const code = `forecast.method.the.${String(v)}`;
      return code in MESSAGES ? say(code as MsgCode, {}, lang) : String(v);
    }
    if (fmt === 'n') return typeof v === 'number' ? formatNumber(v, 0, lang) : v;
    if (fmt === 'd') return lang === 'da' ? String(v).replace(/(\d)\.(\d)/g, '$1,$2') : String(v);
    if (fmt === 'q') {
      const s = String(v);
      return JSON.stringify(s.length > 60 ? s.slice(0, 57) + '...' : s);
    }
    return String(v);
  });
}

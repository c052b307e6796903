/**
 * The forecasts' words in Danish and English: the notes of a reconciled hierarchy and the
 * descriptions and notes of fitted models, by code. Part of the one dictionary
 * (src/text/messages.ts spreads it into `MESSAGES`); the engine (src/forecast/) returns these
 * codes with their parameters and never a language.
 */
import { formatNumber, type Lang } from './number.js';

/** The parameters an entry reads (the shape of `Params` in messages.ts). */
type P = Readonly<Record<string, string | number | object>>;
type Fn = (p: P, lang: Lang) => string;

const s = (p: P, k: string): string => String(p[k] ?? '');
const n = (p: P, k: string): number => Number(p[k]);
/** A parameter given in both languages (`<k>Da` / `<k>En`: data such as node labels). */
const both = (p: P, k: string, lang: Lang): string => s(p, `${k}${lang === 'da' ? 'Da' : 'En'}`);

/** Notes of `forecastHierarchy` (src/forecast/hierarchy.ts). */
export const FORECAST_TEXTS = {
  'forecast.hier.method': {
    da: ((p, lang) =>
      `Hierarkiet estimeres i årene, hvor alle serier kendes (${s(p, 'common')}): hver serie får sin egen basisprognose fra ${s(p, 'origin')}, og de afstemmes med MinT (shrinkage-kovarians af etskridtsfejl ${s(p, 'errorYears')}, λ = ${formatNumber(n(p, 'lambda'), 2, lang)}) i hver simuleret kørsel; negative delværdier sættes til 0, og resten afstemmes igen (${formatNumber(n(p, 'zeroed'), 0, lang)} af ${formatNumber(n(p, 'runYears'), 0, lang)} kørselsår).`) as Fn,
    en: ((p, lang) =>
      `The hierarchy is estimated in the years every series is known (${s(p, 'common')}): every series gets its own base forecast from ${s(p, 'origin')}, reconciled with MinT (shrinkage covariance of the one-step errors ${s(p, 'errorYears')}, λ = ${formatNumber(n(p, 'lambda'), 2, lang)}) in every simulated run; negative child values are set to 0 and the rest reconciled again (${formatNumber(n(p, 'zeroed'), 0, lang)} of ${formatNumber(n(p, 'runYears'), 0, lang)} run-years).`) as Fn,
  },
  'forecast.hier.totalLater': {
    da: ((p, lang) =>
      `${both(p, 'total', lang)} kendes også efter ${s(p, 'origin')} (${s(p, 'later')}): prognosen for ${s(p, 'years')} bruger alle dens år, og ${both(p, 'children', lang)} er ${both(p, 'total', lang).toLowerCase()} gange deres andele i det afstemte hierarki fra ${s(p, 'origin')} i samme år og kørsel (andelene føres frem fra ${s(p, 'origin')} med deres usikkerhed).`) as Fn,
    en: ((p, lang) =>
      `${both(p, 'total', lang)} is also known after ${s(p, 'origin')} (${s(p, 'later')}): its forecast for ${s(p, 'years')} uses all its years, and ${both(p, 'children', lang)} are the ${both(p, 'total', lang).toLowerCase()} times their shares in the reconciled hierarchy from ${s(p, 'origin')} in the same year and run (the shares are carried forward from ${s(p, 'origin')} with their uncertainty).`) as Fn,
  },
  'forecast.hier.ignored': {
    da: '{ids}: årene efter {origin} indgår ikke (hierarkiet estimeres i de år, hvor alle serier kendes)',
    en: '{ids}: the years after {origin} are not used (the hierarchy is estimated in the years every series is known)',
  },
  'forecast.hier.break': {
    da: '{id}: registreringsbrud i {year} modelleret som niveauskift (det nye niveau fortsætter); andelene er fra årene før bruddet',
    en: '{id}: registration break in {year} modelled as a level shift (the new level carries on); the shares are from the years before the break',
  },
  'forecast.hier.konto': {
    da: '§15.11.31 i alt er summen af underkonto 10 og 20 i de år, hvor begge kendes ({common}); underkonto 10 for 2022–2024 er markeret ambiguous_account i data (se data/README.md)',
    en: '§15.11.31 in total is the sum of underkonto 10 and 20 in the years both are known ({common}); underkonto 10 for 2022–2024 is flagged ambiguous_account in the data (see data/README.md)',
  },
} satisfies Record<string, { da: string | Fn; en: string | Fn }>;

/**
 * The names of things shown in tables by every layer (scenario inputs, data-quality flags), in
 * Danish and English: part of the one
 * dictionary (src/text/messages.ts includes them), in a module of its own so the report's
 * browser script, which needs only these, does not carry the command line's help and errors.
 */
import type { Lang } from './number.js';

/**
 * Terms shown in tables by every layer: the names of the scenario inputs (sensitivity, tornado,
 * inputs as used) and of the data-quality flags. Plain texts (the report's dictionary includes them).
 */
export const TERMS = {
  'input.visitationDrift': { da: 'Visitationsratens årlige udvikling', en: 'Yearly change of the visitation rate' },
  'input.visitationNoise': {
    da: 'Årlige udsving i visitationsraten (z-værdi)',
    en: 'Year-to-year variation in the visitation rate (z-score)',
  },
  'input.priceGrowth': { da: 'Prisudvikling pr. forløb', en: 'Price growth per case' },
  'input.costNoise': { da: 'Restudsving i forbruget (mio. kr.)', en: 'Residual variation of spending (DKK m)' },
  'input.bevillingNoise': {
    da: 'Årlige udsving i bevillingen (z-værdi)',
    en: 'Year-to-year variation in the appropriation (z-score)',
  },
  'input.share': { da: 'Områdets andel', en: 'Share of the area' },
  'input.bevilling': { da: 'Kendt bevilling', en: 'Known appropriation' },
  'input.demand': { da: 'Vækst i henvendelser', en: 'Growth in requests' },
  'input.demandNoise': {
    da: 'Årlige udsving i henvendelser (z-værdi)',
    en: 'Year-to-year variation in requests (z-score)',
  },
  'input.visitation': { da: 'Visitationsrate (forløb pr. henvendelse)', en: 'Visitation rate (cases per request)' },
  'input.fixedCost': { da: 'Faste omkostninger', en: 'Fixed costs' },
  'input.unitCost': { da: 'Pris pr. forløb', en: 'Cost per case' },
  'input.bevillingGrowth': { da: 'Bevillingens årlige udvikling', en: 'Yearly change of the appropriation' },
  'input.measure': { da: 'Tiltagets effekt', en: 'Effect of measure' },
  'flag.estimated': { da: 'Skøn', en: 'Estimate' },
  'flag.registration_break': { da: 'Registreringsbrud', en: 'Registration break' },
  'flag.uncertain_registration': { da: 'Usikker registrering', en: 'Uncertain registration' },
  'flag.includes_covid': { da: 'Inkl. COVID-19', en: 'Incl. COVID-19' },
  'flag.excludes_covid': { da: 'Ekskl. COVID-19', en: 'Excl. COVID-19' },
  'flag.derived': { da: 'Afledt af ændring', en: 'Derived from change' },
  'flag.ambiguous_account': { da: 'Uklar konto', en: 'Ambiguous account' },
  'flag.user_supplied': { da: 'Brugerdata', en: 'User data' },
} as const satisfies Record<string, { da: string; en: string }>;

/**
 * The name of a term of `TERMS` (`kind.slug`), or the slug itself when the dictionary has none.
 *
 * @example
 * term('input', 'demandNoise', 'da') // 'Årlige udsving i henvendelser (z-værdi)'
 * term('flag', 'estimated', 'en')    // 'Estimate'
 */
export function term(kind: 'input' | 'flag', slug: string, lang: Lang = 'da'): string {
  const key = `${kind}.${slug}`;
  return key in TERMS ? TERMS[key as keyof typeof TERMS][lang] : slug;
}

/**
 * The name of a scenario input (`demandNoise`, `measure:<id>`, `share:<area>`, `bevilling:<year>`).
 *
 * @example
 * inputName('visitation', 'da')         // 'Visitationsrate (forløb pr. henvendelse)'
 * inputName('measure:tightening', 'en') // 'Effect of measure: tightening'
 */
export function inputName(input: string, lang: Lang = 'da'): string {
  const prefixed = /^(measure|share|bevilling):/.exec(input);
  const name = term('input', prefixed ? prefixed[1] : input, lang);
  return prefixed ? `${name}: ${input.slice(prefixed[0].length)}` : name;
}

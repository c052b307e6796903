/**
 * yargs's own messages (parse errors and help labels) in Danish, the default language of
 * `viso`; with `--lang en` yargs keeps its English ones. Keys are yargs's (locales/en.json).
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
};

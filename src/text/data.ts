/**
 * The words of data files' and follow-up files' problems in Danish and English, by code: what
 * was expected (src/data/records.ts; the follow-up actuals of src/followup/) and the follow-up's
 * refusals of an option. Part of the one dictionary (src/text/messages.ts spreads it into
 * `MESSAGES`). The English texts are worded as they always were; a measure of a follow-up file
 * (`forbrug`, `forloeb`, …) is its key in both languages.
 */
import { formatNumber, type Lang } from './number.js';

/** The parameters an entry reads (the shape of `Params` in messages.ts). */
type P = Readonly<Record<string, string | number | object>>;
type Fn = (p: P, lang: Lang) => string;

const s = (p: P, k: string): string => String(p[k] ?? '');
/** The month or the quarter word (the parameter `g` is 'month' or 'quarter'). */
const mq = (p: P, month: string, quarter: string): string => (p.g === 'month' ? month : quarter);

export const DATA_TEXTS = {
  // the XLSX reader's problems with a cell (src/io/xlsx.ts)
  'xlsx.externalFormula': {
    da: 'en værdi eller en formel inden for denne projektmappe (en formel ind i en anden projektmappe giver en værdi gemt fra en fil, der ikke læses)',
    en: 'a value or a formula within this workbook (a formula into another workbook gives a value saved from a file that is not read)',
  },
  'xlsx.unsavedFormula': {
    da: 'en formel med et gemt resultat (åbn og gem filen i Excel, eller skriv værdien)',
    en: 'a formula with a saved result (open and save the file in Excel, or type the value)',
  },
  // reading an input file (src/io/read.ts): size a size such as 100 MiB or 1.5 KiB
  'io.err.maxSize': {
    da: 'en fil på højst {size|d} (se README, grænser)',
    en: 'a file of at most {size} (see README, limits)',
  },
  'io.err.moreThan': { da: 'mere end {size|d}', en: 'more than {size}' },
  'io.err.size': { da: '{size|d}', en: '{size}' },
  // an .xlsx workbook (src/io/xlsx.ts); part: a file inside the zip such as xl/worksheets/sheet1.xml
  'xlsx.zipFile': { da: 'en .xlsx-projektmappe (en zip-fil)', en: 'an .xlsx workbook (a zip file)' },
  'xlsx.notZip': { da: 'en fil, der ikke er et zip-arkiv', en: 'a file that is not a zip archive' },
  'xlsx.workbookXml': {
    da: 'en .xlsx-projektmappe (xl/workbook.xml i zip-filen)',
    en: 'an .xlsx workbook (xl/workbook.xml in the zip)',
  },
  'xlsx.notWorkbook': { da: 'en zip-fil, der ikke er en projektmappe', en: 'a zip file that is not a workbook' },
  'xlsx.sheet': { da: 'arket {name} ({part} i zip-filen)', en: 'the sheet {name} ({part} in the zip)' },
  'xlsx.damaged': { da: 'en beskadiget projektmappe', en: 'a damaged workbook' },
  'xlsx.noDoctype': {
    da: 'en projektmappe uden XML-dokumenttyper ({part} erklærer en; entiteter læses ikke)',
    en: 'a workbook without XML document types ({part} declares one; entities are not read)',
  },
  // the zip archive of a workbook (src/io/zip.ts); name: an entry such as xl/workbook.xml; the
  // zip directory is the archive's central directory
  'zip.readable': { da: 'en læsbar .xlsx-projektmappe (en zip-fil)', en: 'a readable .xlsx workbook (a zip file)' },
  'zip.noDirectory': {
    da: 'ingen zip-indholdsfortegnelse (en beskadiget eller afkortet fil)',
    en: 'no zip directory (a damaged or truncated file)',
  },
  'zip.zip64': {
    da: 'et zip64-arkiv (større end en projektmappe kan være her; se README, grænser)',
    en: 'a zip64 archive (larger than a workbook can be here; see README, limits)',
  },
  'zip.maxEntries': {
    da: 'en projektmappe med højst {n|n} zip-poster (se README, grænser)',
    en: 'a workbook of at most {n} zip entries (see README, limits)',
  },
  'zip.entries': { da: '{n|n} poster', en: '{n} entries' },
  'zip.directoryOutside': { da: 'en zip-indholdsfortegnelse uden for filen', en: 'a zip directory outside the file' },
  'zip.damagedDirectory': { da: 'en beskadiget zip-indholdsfortegnelse', en: 'a damaged zip directory' },
  'zip.zip64Entry': {
    da: 'en zip64-post (større end en projektmappe kan være her; se README, grænser)',
    en: 'a zip64 entry (larger than a workbook can be here; see README, limits)',
  },
  'zip.maxTotal': {
    da: 'en projektmappe på højst {size|d} ukomprimeret (se README, grænser)',
    en: 'a workbook of at most {size} uncompressed (see README, limits)',
  },
  'zip.declaredMore': {
    da: 'mere end {size|d} angivet i dens zip-indholdsfortegnelse',
    en: 'more than {size} declared in its zip directory',
  },
  'zip.noEntry': { da: 'ingen {name} i zip-arkivet', en: 'no {name} in the zip archive' },
  'zip.noPassword': { da: 'en projektmappe uden adgangskode', en: 'a workbook without a password' },
  'zip.encrypted': { da: 'en krypteret projektmappe', en: 'an encrypted workbook' },
  'zip.damagedEntry': { da: 'en beskadiget zip-post {name}', en: 'a damaged zip entry {name}' },
  'zip.truncatedEntry': { da: 'en afkortet zip-post {name}', en: 'a truncated zip entry {name}' },
  'zip.bomb': {
    da: 'zip-poster, der ikke pakkes ud til mere end deres angivne størrelse (en zip-bombe?)',
    en: 'zip entries inflating to no more than their declared size (a zip bomb?)',
  },
  'zip.beyond': { da: '{name} ud over {size|d}', en: '{name} beyond {size}' },
  'zip.method': {
    da: 'zip-posten {name} komprimeret med metode {method} (kun stored og deflated læses)',
    en: 'zip entry {name} compressed with method {method} (only stored and deflated are read)',
  },
  'zip.otherSize': {
    da: 'zip-posten {name} med en anden størrelse end angivet',
    en: 'zip entry {name} of another size than declared',
  },
  'zip.checksum': {
    da: 'en beskadiget zip-post {name} (forkert kontrolsum)',
    en: 'a damaged zip entry {name} (checksum mismatch)',
  },
  // YAML files (src/io/yaml.ts): syntax and the limits; the parser's own text stays as it is
  'yaml.valid': { da: 'gyldig YAML', en: 'valid YAML' },
  'yaml.maxDepth': {
    da: 'YAML indlejret højst {n} niveauer dybt (se README, grænser)',
    en: 'YAML nested at most {n} levels deep (see README, limits)',
  },
  'yaml.maxValues': {
    da: 'en YAML-fil med højst {n|n} værdier (se README, grænser; en liste af tal skrevet [1, 2, …] tæller som én værdi)',
    en: 'a YAML file of at most {n} values (see README, limits; a list of numbers written [1, 2, …] counts as one value)',
  },
  'yaml.more': { da: 'flere', en: 'more' },
  'yaml.maxAliases': {
    da: 'højst {n|n} udfoldninger af YAML-aliasser (*navn) (se README, grænser)',
    en: 'at most {n} YAML alias (*name) expansions (see README, limits)',
  },
  'yaml.aliasBomb': { da: 'flere (en aliasbombe?)', en: 'more (an alias bomb?)' },
  // JSON files (src/io/json.ts): json.valid names what is wrong (a json.* detail)
  'json.valid': { da: 'gyldig JSON ({detail})', en: 'valid JSON ({detail})' },
  'json.controlChar': { da: 'ugyldigt kontroltegn i en streng', en: 'bad control character in string literal' },
  'json.unterminatedString': { da: 'uafsluttet streng', en: 'unterminated string' },
  'json.unicodeEscape': { da: 'ugyldig Unicode-escape', en: 'bad Unicode escape' },
  'json.escape': { da: 'ugyldigt escapet tegn', en: 'bad escaped character' },
  'json.minus': { da: 'intet tal efter minustegnet', en: 'no number after minus sign' },
  'json.fraction': { da: 'uafsluttet decimaltal', en: 'unterminated fractional number' },
  'json.exponent': { da: 'eksponenten mangler et tal', en: 'exponent part is missing a number' },
  'json.token': { da: 'uventet tegn', en: 'unexpected token' },
  'json.end': { da: 'uventet slutning på JSON-input', en: 'unexpected end of JSON input' },
  'json.afterJson': { da: 'uventet tegn efter JSON', en: 'unexpected non-whitespace character after JSON' },
  'json.afterElement': {
    da: "forventede ',' eller ']' efter et listeelement",
    en: "expected ',' or ']' after array element",
  },
  'json.afterValue': {
    da: "forventede ',' eller '}' efter en egenskabsværdi",
    en: "expected ',' or '}' after property value",
  },
  'json.afterComma': { da: 'en egenskab efter kommaet', en: 'a property after the comma' },
  'json.propertyName': {
    da: 'forventede et egenskabsnavn i dobbelte anførselstegn',
    en: 'expected double-quoted property name',
  },
  'json.colon': { da: "forventede ':' efter egenskabsnavnet", en: "expected ':' after property name" },
  'json.maxDepth': {
    da: 'JSON indlejret højst {n} niveauer dybt (se README, grænser)',
    en: 'JSON nested at most {n} levels deep (see README, limits)',
  },
  // key: the key as JSON
  'json.uniqueKeys': {
    da: 'et objekt med entydige nøgler ({key} står to gange)',
    en: 'an object with unique keys ({key} appears twice)',
  },

  // data files (src/data/records.ts): what was expected; hint: 1 when the header has month columns
  'data.err.layout': {
    da: ((p) =>
      `kolonnerne serie, år, værdi, enhed (eller series, year, value, unit; lang form), serie, enhed og årskolonner som 2020 (bred form) eller en årskolonne ved siden af kolonner som "Forbrug (mio. kr.)" (kolonneform)${p.hint ? '; månedstal eller kvartalstal som 2025-01 læses af viso follow-up --actuals FIL' : ''}`) as Fn,
    en: ((p) =>
      `columns series, year, value, unit (long layout), series, unit and year columns such as 2020 (wide layout), or a year column beside columns such as "Forbrug (mio. kr.)" (columns layout)${p.hint ? '; monthly or quarterly figures such as 2025-01 are read by viso follow-up --actuals FILE' : ''}`) as Fn,
  },
  // reading a data file (src/data/rawtable.ts)
  'data.err.textFile': { da: 'en tekstfil (CSV)', en: 'a text file (CSV)' },
  'data.err.noExtension': { da: '(ingen filendelse)', en: '(no extension)' },
  'data.err.emptyFile': { da: 'en tom fil', en: 'an empty file' },
  // n: the number of fields of a row (the header has another number)
  'data.err.fields': { da: '{n} felter', en: '{n} fields' },
  'data.err.noDataRows': { da: 'ingen datarækker', en: 'no data rows' },
  'data.err.binary': { da: 'binært indhold', en: 'binary content' },
  // a text file with UTF-8 and also bytes that are not UTF-8 (src/io/encoding.ts); byte: two hex digits
  'data.err.oneEncoding': {
    da: 'tekst i én tegnkodning, UTF-8 eller Windows-1252 (filen har begge; gem den igen som CSV UTF-8)',
    en: 'text in one encoding, UTF-8 or Windows-1252 (the file has both; save it again as CSV UTF-8)',
  },
  'data.err.notUtf8': {
    da: 'byten 0x{byte}, som ikke er UTF-8, i en fil med tegn i UTF-8',
    en: 'the byte 0x{byte}, not UTF-8, in a file with characters in UTF-8',
  },
  'data.err.closingQuote': { da: 'et afsluttende anførselstegn (")', en: 'a closing quote (")' },
  'data.err.jsonArray': {
    da: 'en JSON-liste af poster eller {"observations": [...]}',
    en: 'a JSON array of records, or {"observations": [...]}',
  },
  'data.err.noObservations': { da: 'et objekt uden "observations"', en: 'an object without "observations"' },
  'data.err.record': { da: 'en post (et JSON-objekt)', en: 'a record (JSON object)' },
  'data.err.worksheet': { da: 'et regneark med en overskriftsrække', en: 'a worksheet with a header row' },
  'data.err.hiddenSheets': { da: 'kun skjulte eller tomme ark', en: 'only hidden or empty sheets' },
  'data.err.emptyWorkbook': { da: 'en tom projektmappe', en: 'an empty workbook' },
  'data.err.emptyCells': { da: 'kun tomme celler', en: 'only empty cells' },
  // a spreadsheet column without a header name, in messages: its letter
  'data.col.blank': { da: '{col} (tom)', en: '{col} (blank)' },
  'data.err.outsideHeader': {
    da: 'ingen værdi uden for overskriftens kolonner',
    en: 'no value outside the header columns',
  },
  'data.err.valueColumns': {
    da: 'kolonner med værdier ved siden af årskolonnen (kolonneform)',
    en: 'columns of values beside the year column (columns layout)',
  },
  // label: the column's name as JSON; map: the --map file, or '' when none was given
  'data.err.seriesColumn': {
    da: ((p) =>
      `et serie-id som kolonnenavn eller ${s(p, 'map') ? `en etiket i ${s(p, 'map')}` : 'en afbildning --map map.yaml (viso data map --suggest FIL foreslår en)'}, der navngiver ${s(p, 'label')}`) as Fn,
    en: ((p) =>
      `a series id as column name, or ${s(p, 'map') ? `a label in ${s(p, 'map')}` : 'a mapping --map map.yaml (viso data map --suggest FILE proposes one)'} naming ${s(p, 'label')}`) as Fn,
  },
  'data.err.seriesLabel': {
    da: ((p) =>
      `et serie-id eller ${s(p, 'map') ? `en etiket i ${s(p, 'map')}` : 'en afbildning --map map.yaml (viso data map --suggest FIL foreslår en)'}, der navngiver denne etiket`) as Fn,
    en: ((p) =>
      `a series id, or ${s(p, 'map') ? `a label in ${s(p, 'map')}` : 'a mapping --map map.yaml (viso data map --suggest FILE proposes one)'} naming this label`) as Fn,
  },
  'data.err.labelNaming': {
    da: 'en etiket, der navngiver serien ({columns})',
    en: 'a label naming the series ({columns})',
  },
  'data.err.unitFor': {
    da: 'en enhed for {series} (en enhedskolonne, en enhed i kolonneoverskriften som "Forbrug (mio. kr.)" eller unit: i --map-filen)',
    en: 'a unit for {series} (a unit column, a unit in the column header such as "Forbrug (mio. kr.)", or unit: in the --map file)',
  },
  // id: a series id of the file that is not known; near: the known id within two edits of it
  // a series id in the wrong case (Viso.Raadgivning.Forbrug): near, the known id it equals ignoring case
  'data.err.seriesCase': {
    da: 'et serie-id af små bogstaver, cifre, _ og . (mente du {near|q}?)',
    en: 'a series id of lower-case letters, digits, _ and . (did you mean {near|q}?)',
  },
  'data.err.seriesNear': {
    da: 'et kendt serie-id (ukendt serie {id|q}; mente du {near|q}?)',
    en: 'a known series id (unknown series {id|q}; did you mean {near|q}?)',
  },
  // where: a cell name, or a data.err.onLine (src/data/cellref.ts)
  'data.err.oneValue': {
    da: 'én værdi pr. serie og år ({series} {year} står allerede på {where})',
    en: 'one value per series and year ({series} {year} is already on {where})',
  },
  'data.err.onLine': { da: 'linje {line}', en: 'line {line}' },
  // a --data file marked illustrative, on stderr beside the lines of what it changed (formatMerge,
  // src/report/dataText.ts; here, not in report.ts, whose texts the HTML's browser script carries)
  'data.illustrativeMerged': {
    da: '{file}: ILLUSTRATIVE DATA, filen siger selv, at tallene er illustrative, ikke VISOs regnskab',
    en: "{file}: ILLUSTRATIVE DATA, the file says its figures are illustrative, not VISO's accounts",
  },
  // the cell a problem is reported at, inside a sentence of its message (data.mixed)
  'data.err.thisLine': { da: 'denne linje', en: 'this line' },
  'data.err.thisCell': { da: 'denne celle', en: 'this cell' },
  // a line mixing the number formats in two of its cells (data.mixed names another line): each column with its text;
  // year: data.err.mixedYear when one of them is the year cell, else ''
  'data.err.mixedCells': {
    da: 'tal i ét format: {daCol} "{daText}" er dansk, {enCol} "{enText}" internationalt{year}; angiv --locale da eller --locale en',
    en: 'numbers in one format: {daCol} "{daText}" is Danish, {enCol} "{enText}" international{year}; give --locale da or --locale en',
  },
  'data.err.mixedYear': {
    da: ' (et årstal skrives uden decimaler: {year})',
    en: ' (a year is written without decimals: {year})',
  },
  // the last problem of a file with more than LIMITS.problemsPerFile (src/data/load.ts): n the
  // limit; data.err.more counts the problems not listed
  'data.err.problemsListed': {
    da: 'højst {n|n} problemer vises pr. fil (de første fundne står ovenfor)',
    en: 'at most {n} problems listed per file (the first ones found are above)',
  },
  'data.err.more': { da: '{n|n} flere', en: '{n} more' },

  // mapping files (--map map.yaml, src/data/mapping.ts); the YAML keys series: and unit: stay as
  // written. label: the label as JSON; where: file:line of its first entry
  'data.err.mapRoot': {
    da: 'en afbildning med nøglen series: (etiket: serie-id)',
    en: 'a mapping with a key series: (label: series id)',
  },
  'data.err.mapOnlySeries': {
    da: 'kun nøglen series: (etiket: serie-id)',
    en: 'only the key series: (label: series id)',
  },
  'data.err.mapEntries': { da: 'poster af formen etiket: serie-id', en: 'label: series id entries' },
  'data.err.mapSeriesUnit': { da: 'kun series: og unit:', en: 'only series: and unit:' },
  'data.err.mapUnit': {
    da: 'en enhed: mio. kr., 1.000 kr., kr., antal eller pct',
    en: 'a unit: mio. kr., 1.000 kr., kr., antal or pct',
  },
  'data.err.mapSeries': { da: 'series: et serie-id', en: 'series: a series id' },
  'data.err.mapSeriesId': {
    da: 'et serie-id for etiketten {label} (små bogstaver, cifre, _ og ., f.eks. viso.raadgivning.forbrug)',
    en: 'a series id for the label {label} (lower-case letters, digits, _ and ., e.g. viso.raadgivning.forbrug)',
  },
  'data.err.mapLabelOnce': {
    da: 'hver etiket én gang ({label} står også på {where})',
    en: 'each label once ({label} is also on {where})',
  },

  // the comments of the mapping file viso data map --suggest prints (src/data/suggest-map.ts);
  // ids: the other series a label could be, comma-separated
  'data.map.proposed': {
    da: 'Foreslået af viso data map --suggest {file}: kontrollér hver linje, og giv derefter filen med --map.',
    en: 'Proposed by viso data map --suggest {file}: check every line, then pass this file with --map.',
  },
  'data.map.null': {
    da: 'null: ingen serie passede; skriv et serie-id (viso data list viser dem).',
    en: 'null: no series matched; write a series id (viso data list shows them).',
  },
  'data.map.or': { da: 'eller {ids}', en: 'or {ids}' },

  // follow-up actuals (src/followup/actuals.ts); g: 'month' or 'quarter'
  'followup.err.columnPerMeasure': {
    da: 'én kolonne pr. serie ({measure} er også kolonne {other})',
    en: 'one column per measure ({measure} is also column {other})',
  },
  'followup.err.unitSuchAs': {
    da: 'en enhed som (mio. kr.), (1.000 kr.), (kr.) eller (antal)',
    en: 'a unit such as (mio. kr.), (1.000 kr.), (kr.) or (antal)',
  },
  'followup.err.amountFor': {
    da: 'et beløb i kroner for {measure} (mio. kr., 1.000 kr. eller kr.)',
    en: 'an amount in kroner for {measure} (mio. kr., 1.000 kr. or kr.)',
  },
  'followup.err.countFor': {
    da: 'et antal for {measure} (ingen beløbsenhed)',
    en: 'a count for {measure} (no amount unit)',
  },
  'followup.err.throughout': {
    da: ((p) =>
      `${mq(p, 'måneder', 'kvartaler')} hele vejen (linje ${s(p, 'line')} har ${mq(p, 'en måned', 'et kvartal')})`) as Fn,
    en: ((p) =>
      `${mq(p, 'months', 'quarters')} throughout (line ${s(p, 'line')} has ${mq(p, 'a month', 'a quarter')})`) as Fn,
  },
  'followup.err.series': {
    da: 'en opfølgningsserie: forbrug, henvendelser, forløb, aftaler eller budget',
    en: 'a follow-up series: forbrug (spending), henvendelser (requests), forløb (cases), aftaler (commitments) or budget',
  },
  'followup.err.amountUnit': {
    da: 'en beløbsenhed for {measure}: mio. kr., 1.000 kr. eller kr.',
    en: 'an amount unit for {measure}: mio. kr., 1.000 kr. or kr.',
  },
  'followup.err.countUnit': { da: 'antal for {measure}', en: 'count (antal) for {measure}' },
  'followup.err.afterStated': {
    da: ((p) =>
      `${mq(p, 'ingen måned', 'intet kvartal')} efter filens angivne dato ${s(p, 'date')} (linje ${s(p, 'line')})`) as Fn,
    en: ((p) =>
      `no ${mq(p, 'month', 'quarter')} after the file's stated date ${s(p, 'date')} (line ${s(p, 'line')})`) as Fn,
  },
  // m: the measure; label, upTo: periods such as 2025-03
  'followup.err.valueFor': {
    da: 'en {m}-værdi for {label} ({year} har {m} til og med {upTo})',
    en: 'a {m} value for {label} ({year} has {m} up to {upTo})',
  },
  // series: 1 in the long layout (one row per period and series)
  'followup.err.oneRow': {
    da: ((p) =>
      `én række pr. ${mq(p, 'måned', 'kvartal')}${p.series ? ' og serie' : ''} (${s(p, 'key')} står allerede på linje ${s(p, 'line')})`) as Fn,
    en: ((p) =>
      `one row per ${mq(p, 'month', 'quarter')}${p.series ? ' and series' : ''} (${s(p, 'key')} is already on line ${s(p, 'line')})`) as Fn,
  },
  'followup.err.order': {
    da: ((p) =>
      `${mq(p, 'måneder', 'kvartaler')} i tidsorden (${mq(p, 'denne måned', 'dette kvartal')} kommer før ${s(p, 'key')} på linje ${s(p, 'line')})`) as Fn,
    en: ((p) =>
      `${mq(p, 'months', 'quarters')} in chronological order (this ${mq(p, 'month', 'quarter')} comes before ${s(p, 'key')} on line ${s(p, 'line')})`) as Fn,
  },
  'followup.err.gap': {
    da: ((p) =>
      `${mq(p, 'hver måned', 'hvert kvartal')} fra ${s(p, 'from')} og frem (${s(p, 'missing')} mangler mellem linje ${s(p, 'line')} og denne linje)`) as Fn,
    en: ((p) =>
      `every ${mq(p, 'month', 'quarter')} from ${s(p, 'from')} on (${s(p, 'missing')} is missing between line ${s(p, 'line')} and this line)`) as Fn,
  },
  // running, monthly, ref: numbers as the code rounded them (a decimal point); what: the reference
  // series and year, or meanOf: the file's years whose mean is the reference
  'followup.err.runningTotal': {
    da: ((p) => {
      const d = (k: string) => s(p, k).replace(/(\d)\.(\d)/g, '$1,$2');
      const vals = mq(p, 'månedsværdier', 'kvartalsværdier');
      return `${vals}, ikke en løbende sum: ${s(p, 'm')} stiger i ${mq(p, 'hver måned', 'hvert kvartal')} af ${s(p, 'year')} og svarer til ${d('running')} om året som en løbende sum, men ${d('monthly')} som ${vals} (${s(p, 'meanOf') ? `gennemsnittet af filens ${s(p, 'meanOf')}` : s(p, 'what')}: ${d('ref')}); angiv ${mq(p, 'hver måneds', 'hvert kvartals')} egen værdi`;
    }) as Fn,
    en: ((p) => {
      const vals = mq(p, 'monthly', 'quarterly');
      const g = mq(p, 'month', 'quarter');
      return `${vals} values, not a running total: ${s(p, 'm')} rises in every ${g} of ${s(p, 'year')} and reads as ${s(p, 'running')} a year as a year-to-date total but ${s(p, 'monthly')} as ${vals} values (${s(p, 'meanOf') ? `the file's ${s(p, 'meanOf')} mean` : s(p, 'what')}: ${s(p, 'ref')}); give each ${g}'s own value`;
    }) as Fn,
  },

  // typical, ref, guess: numbers with a decimal point; what: the reference series and year, or meanOf: the
  // file's years whose mean is the reference; more: how many more cells are as far off
  'followup.err.amountScale': {
    da: ((p) => {
      const d = (k: string) => s(p, k).replace(/(\d)\.(\d)/g, '$1,$2');
      const more =
        Number(p.more) > 0
          ? `; ${s(p, 'more')} ${Number(p.more) === 1 ? 'celle mere er' : 'celler mere er'} lige så langt fra`
          : '';
      return `et ${s(p, 'm')}-beløb for en måned i kolonnens enhed på datas niveau (en typisk måned er ${d('typical')} mio. kr., 1/12 af ${s(p, 'meanOf') ? `gennemsnittet af filens ${s(p, 'meanOf')}` : s(p, 'what')}: ${d('ref')} mio. kr.); beløbet er 1.000 gange for ${p.below ? 'lille eller mere (et beløb i en større enhed end kolonnens, fx mio. kr. i en kolonne i kr.?)' : 'stort eller mere (kr. eller 1.000 kr. i en kolonne i mio. kr.?)'}; mente du ${d('guess')}?${more}`;
    }) as Fn,
    en: ((p) => {
      const more =
        Number(p.more) > 0 ? `; ${s(p, 'more')} more ${Number(p.more) === 1 ? 'cell is' : 'cells are'} as far off` : '';
      return `a month's ${s(p, 'm')} amount in the column's unit on the data's scale (a typical month is DKK ${s(p, 'typical')}m, 1/12 of ${s(p, 'meanOf') ? `the file's ${s(p, 'meanOf')} mean` : s(p, 'what')}: DKK ${s(p, 'ref')}m); the amount is 1,000 times too ${p.below ? "small or more (an amount in a larger unit than the column's, e.g. DKK million in a column in kroner?)" : 'large or more (kroner or DKK 1,000 in a column in DKK million?)'}; did you mean ${s(p, 'guess')}?${more}`;
    }) as Fn,
  },

  // typical, ref: whole numbers (the typical month's count and the annual level); what, meanOf, more: as amountScale's;
  // overYear (the factor on the annual level) and ratio (to the typical month) when the count is over a year's level
  'followup.err.countScale': {
    da: ((p) => {
      const n = (k: string) => formatNumber(Number(p[k]), 0, 'da');
      const more =
        Number(p.more) > 0
          ? `; ${s(p, 'more')} ${Number(p.more) === 1 ? 'celle mere er' : 'celler mere er'} lige så langt fra`
          : '';
      const why =
        p.overYear !== undefined
          ? `antallet er ${n('ratio')} gange en typisk måned, over ${formatNumber(Number(p.overYear), 1, 'da')} gange hele årets niveau (et beløb i 1.000 kr. i en kolonne med antal?)`
          : 'antallet er 1.000 gange for stort eller mere (et beløb i en kolonne med antal?)';
      return `et ${s(p, 'm')}-antal for en måned på datas niveau (en typisk måned er ${n('typical')}, 1/12 af ${s(p, 'meanOf') ? `gennemsnittet af filens ${s(p, 'meanOf')}` : s(p, 'what')}: ${n('ref')}); ${why}${more}`;
    }) as Fn,
    en: ((p) => {
      const n = (k: string) => formatNumber(Number(p[k]), 0, 'en');
      const more =
        Number(p.more) > 0 ? `; ${s(p, 'more')} more ${Number(p.more) === 1 ? 'cell is' : 'cells are'} as far off` : '';
      const why =
        p.overYear !== undefined
          ? `the count is ${n('ratio')} times a typical month, over ${formatNumber(Number(p.overYear), 1, 'en')} times the whole year's level (an amount in DKK 1,000 in a count column?)`
          : 'the count is 1,000 times too large or more (an amount in a count column?)';
      return `a month's ${s(p, 'm')} count on the data's scale (a typical month is ${n('typical')}, 1/12 of ${s(p, 'meanOf') ? `the file's ${s(p, 'meanOf')} mean` : s(p, 'what')}: ${n('ref')}); ${why}${more}`;
    }) as Fn,
  },

  // n: rows whose month has no year; years: the years the title rows name, space-separated (none, or more than one)
  'followup.err.noYear': {
    da: ((p) => {
      const ys = s(p, 'years').split(' ').filter(Boolean);
      const hint = ys.length ? ys.map((y) => `--year ${y}`).join(' eller ') : '--year ÅÅÅÅ (fx --year 2025)';
      return `en måned med år: ${Number(p.n) === 1 ? 'denne række' : `${s(p, 'n')} rækker`} har en måned uden år${ys.length > 1 ? `, og titlen nævner flere år (${ys.join(', ')})` : ''}; angiv året med ${hint}`;
    }) as Fn,
    en: ((p) => {
      const ys = s(p, 'years').split(' ').filter(Boolean);
      const hint = ys.length ? ys.map((y) => `--year ${y}`).join(' or ') : '--year YYYY (e.g. --year 2025)';
      return `a month with a year: ${Number(p.n) === 1 ? 'this row has' : `${s(p, 'n')} rows have`} a month without a year${ys.length > 1 ? `, and the title names several years (${ys.join(', ')})` : ''}; give the year with ${hint}`;
    }) as Fn,
  },

  // the follow-up itself (src/followup/model.ts, inputs.ts)
  'followup.err.actuals': {
    da: 'followUp(actuals): actuals skal være et resultat af readMonthlyActuals(fil), fik {got}',
    en: 'followUp(actuals): actuals must be a result of readMonthlyActuals(file), got {got}',
  },
  'followup.err.actualsPromise': {
    da: 'followUp(actuals): actuals er et Promise; skriv await readMonthlyActuals(fil)',
    en: 'followUp(actuals): actuals is a Promise; write await readMonthlyActuals(file)',
  },
  'followup.err.noForbrug': { da: 'forbrug for mindst én måned', en: 'spending for at least one month' },
  'followup.err.noForbrugValues': { da: 'ingen forbrugsværdier', en: 'no spending values' },
  'followup.err.year': {
    da: '--year {year}: {file} har forbrug for {years}',
    en: '--year {year}: {file} has spending for {years}',
  },
  'followup.err.fromJanuary': {
    da: 'det løbende år {year} fra januar (de tidligere måneder af {year} mangler)',
    en: 'the running year {year} from January (earlier months of {year} are missing)',
  },
  'followup.err.spentZero': {
    da: 'forbrug hidtil over 0 at fremskrive {year} fra (månederne til og med {label} summerer til {spent|d})',
    en: 'spending to date above 0 to project {year} from (the months up to {label} sum to {spent|d})',
  },
  'followup.err.noBevilling': {
    da: 'ingen bevilling for {year} i {file}, data eller et scenarie: angiv --bevilling (mio. kr.)',
    en: 'no appropriation for {year} in {file}, the data or a scenario: give --bevilling (mio. kr.)',
  },

  // output paths (src/io/write.ts): file: expected …, found "…"; expected an io.err.* code,
  // found a code or the system's own text
  'io.err.output': {
    da: '{file}: forventede {expected}, fandt "{found}"',
    en: '{file}: expected {expected}, found "{found}"',
  },
  'io.err.folder': { da: 'en mappe', en: 'a folder' },
  'io.err.existingFolder': { da: 'en eksisterende mappe', en: 'an existing folder' },
  'io.err.readableFolder': { da: 'en læsbar mappe', en: 'a readable folder' },
  'io.err.usableFolder': { da: 'en brugbar mappe', en: 'a usable folder' },
  'io.err.creatable': { da: 'en mappe, der kan oprettes', en: 'a folder that can be created' },
  'io.err.filePath': { da: 'en filsti', en: 'a file path' },
  'io.err.emptyPath': { da: 'en tom sti', en: 'an empty path' },
  // an empty output path in place of the path
  'io.err.noPath': { da: '(tom sti)', en: '(empty path)' },
  'io.err.fileToWrite': { da: 'en fil, der kan skrives', en: 'a file to write' },
  'io.err.writable': { da: 'en skrivbar fil', en: 'a writable file' },
  'io.err.outputFolder': { da: 'en outputmappe', en: 'an output folder' },
  'io.err.usableOutput': { da: 'en brugbar outputmappe', en: 'a usable output folder' },
  'io.err.whereWritten': {
    da: 'en mappe, hvor resultatet kan skrives',
    en: 'a folder where the output can be written',
  },
  'io.err.noOtherRun': {
    da: 'en outputmappe, som ingen anden kørsel skriver i',
    en: 'an output folder no other run is writing',
  },
  'io.err.noOtherRunRetry': {
    da: 'en outputmappe, som ingen anden kørsel skriver i (prøv igen, når den er færdig)',
    en: 'an output folder that no other run is writing (try again when it has finished)',
  },
  'io.err.lockedBy': { da: 'låst af kørende viso pid {pid}', en: 'locked by running viso pid {pid}' },
  'io.err.lockChanging': { da: 'en lås, der bliver ved med at skifte', en: 'a lock that keeps changing' },
  'io.err.lockTaken': { da: 'dens lås blev taget af en anden kørsel', en: 'its lock was taken by another run' },
  'io.err.notWorking': {
    da: 'en outputmappe, der ikke er arbejdsmappen (eller en mappe, der indeholder den)',
    en: 'an output folder that is not the working folder (or one that holds it)',
  },
  'io.err.workingFolder': { da: 'arbejdsmappen', en: 'the working folder' },
  'io.err.emptyOrReport': {
    da: 'en tom mappe eller en tidligere rapportmappe (med dens manifest.json) at erstatte',
    en: 'an empty folder or an earlier report folder (with its manifest.json) to replace',
  },
  'io.err.otherFiles': { da: 'en mappe med andre filer', en: 'a folder with other files' },
} satisfies Record<string, { da: string | Fn; en: string | Fn }>;

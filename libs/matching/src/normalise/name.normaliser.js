"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalisePersonName = normalisePersonName;
exports.jaroWinkler = jaroWinkler;
exports.nameSimilarity = nameSimilarity;
const digits_1 = require("./digits");
// Romanisations of one Arabic/Persian/Pashto name that AF and PK agencies use interchangeably.
// Only spellings of the same written name are merged: Qadir (قادر) and Qadeer (قدیر), or
// Hamid and Hameed, are different names and stay apart; Khan and Kahn are different too.
const VARIANT_GROUPS = {
    MUHAMMAD: [
        'muhammad',
        'mohammad',
        'mohammed',
        'muhammed',
        'mohamed',
        'mohamad',
        'muhamad',
        'muhamed',
        'mohd',
        'md',
        'mohamood',
        'mohammod',
        'mohmmad',
        'muhammadh',
        'mahomed',
    ],
    AHMAD: ['ahmad', 'ahmed', 'ahmid'],
    GUL: ['gul', 'gull', 'gol'],
    RAHMAN: ['rahman', 'rehman', 'rahmaan', 'rehmaan', 'rahmon'],
    RAHMAT: ['rahmat', 'rehmat'],
    YUSUF: ['yusuf', 'yousaf', 'yousuf', 'yosuf', 'yusef', 'yousef', 'yusif', 'yousif', 'yusaf'],
    HUSSAIN: ['hussain', 'hussein', 'husain', 'hossain', 'husein', 'hosain', 'hussian', 'husayn', 'hussayn'],
    HASAN: ['hasan', 'hassan'],
    MAHMUD: ['mahmud', 'mahmood', 'mehmood', 'mahmoud', 'mehmud'],
    QADIR: ['qadir', 'kadir', 'qader', 'kader'],
    ZAHIR: ['zahir', 'zaheer', 'zaher'],
    SHER: ['sher', 'shir'],
    NUR: ['nur', 'noor', 'nour'],
    ALI: ['ali', 'aly'],
    KHAN: ['khan', 'khaan'],
    UMAR: ['umar', 'omar', 'umer', 'omer'],
    USMAN: ['usman', 'osman', 'uthman', 'othman'],
    KARIM: ['karim', 'kareem'],
    RASUL: ['rasul', 'rasool'],
    AMIN: ['amin', 'ameen'],
    GHULAM: ['ghulam', 'gholam', 'golam'],
    FAZL: ['fazl', 'fazal', 'fazle', 'fazel'],
    HABIB: ['habib', 'habeeb'],
    JAN: ['jan', 'jaan'],
    ABDULLAH: ['abdullah', 'abdulla', 'abdallah', 'abdalla'],
};
const VARIANTS = new Map(Object.entries(VARIANT_GROUPS).flatMap(([canonical, spellings]) => spellings.map((s) => [s, canonical])));
// Forms of address and religious or academic titles: recorded by one agency, omitted by the
// next. `Syed`/`Sayed` is a lineage name rather than a title, so it is kept.
const HONORIFICS = new Set([
    'mr',
    'mrs',
    'ms',
    'miss',
    'dr',
    'prof',
    'engr',
    'eng',
    'janab',
    'sahib',
    'saheb',
    'sahab',
    'haji',
    'hajji',
    'hadji',
    'haj',
    'hajj',
    'alhaj',
    'alhaaj',
    'alhajj',
    'mullah',
    'mulla',
    'mullo',
    'maulvi',
    'molvi',
    'moulvi',
    'mawlawi',
    'maulavi',
    'mawlavi',
    'maulana',
    'mawlana',
    'molana',
    'qari',
]);
// Arabic article and Persian/Urdu linking vowels written as separate words (`Fazl ur Rahman`).
const PARTICLES = new Set(['al', 'el', 'ul', 'ur', 'ud', 'us', 'ad', 'ar', 'as', 'e']);
const ABD_PREFIXES = [
    'abdul',
    'abdal',
    'abdel',
    'abdur',
    'abdar',
    'abdus',
    'abdas',
    'abdol',
    'abdu',
    'abdo',
    'abd',
];
// Words that begin like an `Abd-` compound but are not one (the Abdali tribe).
const NOT_ABD_COMPOUNDS = new Set(['abdali']);
const ULLAH_WORDS = new Set(['ullah', 'ulla', 'ulah', 'allah', 'alla', 'ollah']);
const DIN_WORDS = new Set(['din', 'deen', 'uddin', 'uddeen']);
const PLACEHOLDERS = new Set([
    'unknown',
    'unk',
    'na',
    'n a',
    'nil',
    'none',
    'null',
    'nk',
    'not known',
    'unidentified',
    'no name',
    'anonymous',
    'x',
    'xx',
    'xxx',
]);
// Everything after "son of / daughter of / wife of / care of / resident of" names another
// person or a place; keeping it would make a son match his father.
const RELATION_MARKER = /(?:^|[\s,.;:()])(?:[sdwcr]\s*[/\\]\s*o\b\.?|[sdw]\.\s*o\.|son\s+of|daughter\s+of|wife\s+of|bin|binti|bint|ibn|walad|wald|valad|waled|walade)(?=$|[\s,.;:()])/;
const LATIN_FOLDS = {
    ı: 'i',
    ø: 'o',
    ł: 'l',
    ß: 'ss',
    æ: 'ae',
    đ: 'd',
    ð: 'd',
    þ: 'th',
};
function canonicalToken(token) {
    const variant = VARIANTS.get(token);
    if (variant)
        return variant;
    if (!NOT_ABD_COMPOUNDS.has(token)) {
        for (const prefix of ABD_PREFIXES) {
            const rest = token.slice(prefix.length);
            // `Abdulrahman`, `Abdurrahman`, `Abd-al-Rahman` are one name: ABDUL + the attribute.
            if (token.startsWith(prefix) && rest.length >= 3)
                return `ABDUL${canonicalToken(rest)}`;
        }
    }
    const ullah = /^(.{3,}?)[uao]llah?$/.exec(token);
    if (ullah)
        return `${canonicalToken(ullah[1])}ULLAH`;
    const uddin = /^(.{3,}?)(?:ud|ad|ed|u|e|a)?d(?:i|ee)n$/.exec(token);
    if (uddin)
        return `${canonicalToken(uddin[1])}UDDIN`;
    return token.toUpperCase();
}
// Joins the pieces of compound names written apart (`Abdul Rahman`, `Rahmat Ullah`,
// `Salah ud Din`) so they come out as the single-word spellings do.
function canonicalTokens(words) {
    const out = [];
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        const next = words.slice(i + 1).find((w) => !PARTICLES.has(w));
        if (ABD_PREFIXES.includes(word) && next !== undefined) {
            while (PARTICLES.has(words[i + 1]))
                i++;
            i++;
            out.push(ULLAH_WORDS.has(next) ? 'ABDULLAH' : `ABDUL${canonicalToken(next)}`);
        }
        else if (ULLAH_WORDS.has(word) && out.length > 0) {
            out[out.length - 1] += 'ULLAH';
        }
        else if (DIN_WORDS.has(word) && out.length > 0) {
            out[out.length - 1] += 'UDDIN';
        }
        else if (!PARTICLES.has(word)) {
            out.push(canonicalToken(word));
        }
    }
    return out;
}
/** Splits a raw name into cleaned lower-case words: relatives cut, `Surname, Given` reordered, titles dropped. */
function cleanWords(raw) {
    let text = (0, digits_1.foldArabicScript)((0, digits_1.toAsciiDigits)(raw))
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[ıøłßæđðþ]/g, (ch) => LATIN_FOLDS[ch] ?? ch)
        // Ayn and hamza marks sit inside a word (`Ja'far`): drop them without splitting it.
        .replace(/['`´ʿʾʼ‘’]/g, '');
    const marker = RELATION_MARKER.exec(text);
    if (marker) {
        const before = text.slice(0, marker.index);
        text = /\p{L}/u.test(before) ? before : text.slice(marker.index + marker[0].length);
    }
    const parts = text.split(',').filter((p) => /\p{L}/u.test(p));
    // `Khan, Gul Ahmad`: a single comma separates a leading surname from the given names.
    if (parts.length === 2)
        text = `${parts[1]} ${parts[0]}`;
    return text
        .replace(/[^\p{L}]+/gu, ' ')
        .trim()
        .split(' ')
        .filter((w) => w !== '' && !HONORIFICS.has(w));
}
/** Normalises a person name: case, punctuation, diacritics, token order, titles, relatives and transliteration variants. */
function normalisePersonName(raw) {
    const words = cleanWords(raw);
    if (words.length === 0 || PLACEHOLDERS.has(words.join(' ')))
        return null;
    const tokens = canonicalTokens(words);
    if (tokens.length === 0)
        return null;
    const display = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    return { tokens, key: [...tokens].sort().join(' '), display };
}
// Scratch flags of jaroWinkler, grown as needed (no allocation per call: it runs for every
// pair of tokens of every pair of compared names).
let aMatched = new Uint8Array(64);
let bMatched = new Uint8Array(64);
/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to four prefix characters). */
function jaroWinkler(a, b) {
    if (a === b)
        return 1;
    if (a.length === 0 || b.length === 0)
        return 0;
    const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
    if (aMatched.length < a.length)
        aMatched = new Uint8Array(a.length * 2);
    if (bMatched.length < b.length)
        bMatched = new Uint8Array(b.length * 2);
    aMatched.fill(0, 0, a.length);
    bMatched.fill(0, 0, b.length);
    let matches = 0;
    for (let i = 0; i < a.length; i++) {
        const end = Math.min(b.length, i + window + 1);
        for (let j = Math.max(0, i - window); j < end; j++) {
            if (bMatched[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
                aMatched[i] = bMatched[j] = 1;
                matches++;
                break;
            }
        }
    }
    if (matches === 0)
        return 0;
    let transpositions = 0;
    let k = 0;
    for (let i = 0; i < a.length; i++) {
        if (aMatched[i] === 0)
            continue;
        while (bMatched[k] === 0)
            k++;
        if (a.charCodeAt(i) !== b.charCodeAt(k))
            transpositions++;
        k++;
    }
    const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
    let prefix = 0;
    while (prefix < 4 && prefix < Math.min(a.length, b.length) && a.charCodeAt(prefix) === b.charCodeAt(prefix))
        prefix++;
    return jaro + prefix * 0.1 * (1 - jaro);
}
// Pairs whose Jaro-Winkler falls below this are different words, not typos of each other.
const TOKEN_MATCH_FLOOR = 0.85;
// Greedy one-to-one pairing of the most similar tokens; unpaired tokens count as zero, so
// `Gul Ahmad` against `Gul Ahmad Khan` scores 2/3. Greedy: the best pair whose tokens are
// both still free (higher score first, then lower i, then lower j), until none reaches the
// floor. Names have a handful of tokens, so this scans a small score table.
function tokenSetOneWay(a, b) {
    const n = a.length;
    const m = b.length;
    const scores = new Float64Array(n * m);
    for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++)
            scores[i * m + j] = jaroWinkler(a[i], b[j]);
    let total = 0;
    for (;;) {
        let best = -1;
        let bestScore = TOKEN_MATCH_FLOOR;
        for (let p = 0; p < n * m; p++) {
            const score = scores[p];
            // Row-major scan, strictly greater: of equal scores the lowest i, then j, wins.
            if (score > bestScore || (best < 0 && score === bestScore)) {
                best = p;
                bestScore = score;
            }
        }
        if (best < 0)
            break;
        total += bestScore;
        // Both tokens are taken: their row and column drop out.
        const bi = Math.floor(best / m);
        const bj = best % m;
        for (let j = 0; j < m; j++)
            scores[bi * m + j] = -1;
        for (let i = 0; i < n; i++)
            scores[i * m + bj] = -1;
    }
    return total / Math.max(n, m);
}
/**
 * Name similarity in [0, 1]: the mean of Jaro-Winkler over the sorted canonical keys (catches
 * typos spanning token boundaries) and a soft token-set score (greedy one-to-one token pairs
 * with Jaro-Winkler ≥ 0.85, divided by the larger token count; robust to order and typos in
 * a token's first letters). Identical canonical keys score 1; an unparseable name scores 0.
 */
function nameSimilarity(a, b) {
    const na = typeof a === 'string' ? normalisePersonName(a) : a;
    const nb = typeof b === 'string' ? normalisePersonName(b) : b;
    if (!na || !nb)
        return 0;
    if (na.key === nb.key)
        return 1;
    const tokenSet = (tokenSetOneWay(na.tokens, nb.tokens) + tokenSetOneWay(nb.tokens, na.tokens)) / 2;
    return (jaroWinkler(na.key, nb.key) + tokenSet) / 2;
}
//# sourceMappingURL=name.normaliser.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clearFeatureCaches = clearFeatureCaches;
exports.normaliseVin = normaliseVin;
exports.normaliseImo = normaliseImo;
exports.extractFeatures = extractFeatures;
const contracts_1 = require("../../../contracts/src");
const normalise_1 = require("../normalise");
// Crossing-point codes repeat on nearly every report: resolve them once per gazetteer.
const codeCache = new WeakMap();
// Resolved places of one gazetteer (reset when another gazetteer is used).
let placeCache = new Map();
let placeCacheOwner;
// Memo sizes: each memo is dropped whole when full (simple, and bounded).
const CACHE_LIMIT = 200_000;
function resolvePlace(input, gazetteer) {
    let codes = codeCache.get(gazetteer);
    if (!codes) {
        codes = new Map(gazetteer.map((e) => [e.code, e]));
        codeCache.set(gazetteer, codes);
    }
    const entry = input.crossingPoint !== undefined ? codes.get(input.crossingPoint) : undefined;
    if (entry) {
        const hasCoordinates = typeof input.lat === 'number' && typeof input.lon === 'number';
        return hasCoordinates
            ? { code: entry.code, lat: input.lat, lon: input.lon }
            : { code: entry.code, lat: entry.lat, lon: entry.lon };
    }
    // Waypoints named by town repeat on every route of a corridor: memoise the gazetteer scan.
    const placeKey = `${input.crossingPoint ?? ''}|${input.placeName ?? ''}|${input.lat ?? ''}|${input.lon ?? ''}`;
    if (placeCacheOwner !== gazetteer || placeCache.size >= CACHE_LIMIT) {
        placeCache = new Map();
        placeCacheOwner = gazetteer;
    }
    const cached = placeCache.get(placeKey);
    if (cached !== undefined)
        return cached;
    const place = (0, normalise_1.normalisePlace)(input, gazetteer);
    placeCache.set(placeKey, place);
    return place;
}
// Phone parsing (libphonenumber) is the dearest normaliser, and the same phones and names
// recur in report after report, so results are memoised.
const phoneCache = new Map();
const nameCache = new Map();
function cachedName(raw) {
    const hit = nameCache.get(raw);
    if (hit !== undefined)
        return hit;
    const value = (0, normalise_1.normalisePersonName)(raw);
    if (nameCache.size >= CACHE_LIMIT)
        nameCache.clear();
    nameCache.set(raw, value);
    return value;
}
// What normalisePhone reads of a plain number: its digits and whether it starts with `+`.
// Anything else (letters, an extension) keys by the raw text.
const PLAIN_PHONE = /^[\s\d+\-().]*$/;
function cachedPhone(raw, country) {
    const ascii = (0, normalise_1.toAsciiDigits)(raw);
    const cacheKey = PLAIN_PHONE.test(ascii)
        ? `${country ?? ''}|${ascii.trimStart().startsWith('+') ? '+' : ''}${ascii.replace(/\D/g, '')}`
        : `${country ?? ''}|raw|${raw}`;
    const hit = phoneCache.get(cacheKey);
    if (hit !== undefined || phoneCache.has(cacheKey))
        return hit ?? null;
    const value = (0, normalise_1.normalisePhone)(raw, country);
    if (phoneCache.size >= CACHE_LIMIT)
        phoneCache.clear();
    phoneCache.set(cacheKey, value);
    return value;
}
/** Empties the memos of phone, name and place normalisation (benchmarks measure each pass from cold). */
function clearFeatureCaches() {
    phoneCache.clear();
    nameCache.clear();
    placeCache.clear();
}
/** VIN: upper-case letters and digits; 11–17 characters (pre-1981 and ISO 3779 VINs), else null. */
function normaliseVin(raw) {
    const value = (0, normalise_1.toAsciiDigits)(raw.normalize('NFKC'))
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '');
    if (value.length < 11 || value.length > 17 || /^(.)\1*$/.test(value))
        return null;
    return value;
}
/** IMO ship number: seven digits whose last is the IMO check digit (`IMO 9321483` → `9321483`), else null. */
function normaliseImo(raw) {
    const digits = (0, normalise_1.toAsciiDigits)(raw.normalize('NFKC')).replace(/\D/g, '');
    if (digits.length !== 7)
        return null;
    let sum = 0;
    for (let i = 0; i < 6; i++)
        sum += Number(digits[i]) * (7 - i);
    return sum % 10 === Number(digits[6]) ? digits : null;
}
function toMs(timestamp) {
    if (timestamp === undefined)
        return undefined;
    const ms = Date.parse(timestamp);
    return Number.isNaN(ms) ? undefined : ms;
}
function push(ctx, feature) {
    const f = feature;
    f.protected ??= false;
    if (ctx.indicator)
        f.indicator = true;
    ctx.out.push(f);
}
function addPhone(ctx, raw, source, role) {
    const phone = cachedPhone(raw, ctx.agencyCountry);
    if (!phone)
        return;
    const isProtected = role !== undefined && (0, contracts_1.isProtectedRole)(role);
    push(ctx, {
        type: 'PHONE',
        key: `PHONE:${phone.e164}`,
        value: phone.e164,
        display: `phone ${phone.e164}`,
        source,
        ...(role ? { personRole: role } : {}),
        protected: isProtected,
        ...(phone.valid ? {} : { weak: true }),
        ...(phone.placeholder ? { placeholder: true } : {}),
    });
}
function addPlate(ctx, raw, plateCountry, source) {
    const plate = (0, normalise_1.normalisePlate)(raw, plateCountry);
    if (!plate)
        return;
    push(ctx, {
        type: 'PLATE',
        key: `PLATE:${plate.key}`,
        value: plate.value,
        ...(plate.country ? { country: plate.country } : {}),
        weak: plate.weak,
        display: `plate ${plate.value}${plate.country ? ` (${plate.country})` : ''}`,
        source,
    });
}
function addContainer(ctx, raw, source) {
    const container = (0, normalise_1.normaliseContainer)(raw);
    if (!container)
        return;
    push(ctx, {
        type: 'CONTAINER',
        key: `CONTAINER:${container.key}`,
        value: container.value,
        checkDigitValid: container.checkDigitValid,
        display: `container ${container.value}${container.checkDigitValid ? '' : ' (check digit invalid)'}`,
        source,
    });
}
function addPerson(ctx, person, path) {
    const role = person.role;
    const isProtected = (0, contracts_1.isProtectedRole)(role);
    const name = person.name !== undefined ? cachedName(person.name) : null;
    const dob = person.dateOfBirth;
    if (name) {
        const withDob = dob !== undefined;
        push(ctx, {
            type: withDob ? 'PERSON_NAME_DOB' : 'PERSON_NAME',
            key: withDob ? `PERSON_NAME_DOB:${name.key}|${dob}` : `PERSON_NAME:${name.key}`,
            name,
            ...(withDob ? { dateOfBirth: dob } : {}),
            display: `name ${name.display}${withDob ? `, born ${dob}` : ''}`,
            source: `${path}.name`,
            personRole: role,
            protected: isProtected,
        });
    }
    person.documents?.forEach((doc, j) => {
        const normalised = (0, normalise_1.normaliseDocument)(doc.type, doc.number, doc.issuingCountry, ctx.agencyCountry);
        if (!normalised)
            return;
        push(ctx, {
            type: 'DOCUMENT',
            key: `DOCUMENT:${normalised.key}`,
            value: normalised.number,
            documentType: normalised.type,
            ...(normalised.country ? { country: normalised.country } : {}),
            display: `${normalised.type} ${normalised.number}${normalised.country ? ` (${normalised.country})` : ''}`,
            source: `${path}.documents[${j}]`,
            personRole: role,
            protected: isProtected,
        });
    });
    person.phones?.forEach((raw, j) => addPhone(ctx, raw, `${path}.phones[${j}]`, role));
}
function addOrganisation(ctx, org, path) {
    const normalised = (0, normalise_1.normaliseOrganisation)(org.name);
    if (!normalised)
        return;
    push(ctx, {
        type: 'ORGANISATION',
        key: `ORGANISATION:${normalised.key}`,
        value: normalised.key,
        display: `organisation ${normalised.display}`,
        source: `${path}.name`,
    });
}
function placeLabel(place) {
    return place.code ?? `${place.lat.toFixed(3)},${place.lon.toFixed(3)}`;
}
function seizureFeatures(ctx, report, gazetteer) {
    const commodities = [...new Set((report.commodities ?? []).map((c) => c.type))];
    const place = resolvePlace(report.location, gazetteer);
    const at = toMs(report.occurredAt);
    if (place && at !== undefined) {
        push(ctx, {
            type: 'PLACE_TIME',
            key: `PLACE_TIME:${placeLabel(place)}@${report.occurredAt}`,
            place,
            at,
            commodities,
            display: `${placeLabel(place)} at ${report.occurredAt}`,
            source: 'location',
        });
    }
    commodities.forEach((type) => {
        const index = report.commodities.findIndex((c) => c.type === type);
        push(ctx, {
            type: 'COMMODITY',
            key: `COMMODITY:${type}`,
            value: type,
            display: `commodity ${type}`,
            source: `commodities[${index}].type`,
        });
    });
    report.conveyances?.forEach((c, i) => {
        const path = `conveyances[${i}]`;
        if (c.plate !== undefined)
            addPlate(ctx, c.plate, c.plateCountry, `${path}.plate`);
        if (c.containerNumber !== undefined)
            addContainer(ctx, c.containerNumber, `${path}.containerNumber`);
        const vin = c.vin !== undefined ? normaliseVin(c.vin) : null;
        if (vin)
            push(ctx, { type: 'VIN', key: `VIN:${vin}`, value: vin, display: `VIN ${vin}`, source: `${path}.vin` });
        const imo = c.vesselImo !== undefined ? normaliseImo(c.vesselImo) : null;
        if (imo) {
            push(ctx, {
                type: 'VESSEL_IMO',
                key: `VESSEL_IMO:${imo}`,
                value: imo,
                display: `vessel IMO ${imo}`,
                source: `${path}.vesselImo`,
            });
        }
    });
    report.persons?.forEach((p, i) => addPerson(ctx, p, `persons[${i}]`));
    report.organisations?.forEach((o, i) => addOrganisation(ctx, o, `organisations[${i}]`));
}
function routeFeatures(ctx, report, gazetteer) {
    const from = toMs(report.validFrom) ?? Number.NEGATIVE_INFINITY;
    const to = toMs(report.validTo) ?? Number.POSITIVE_INFINITY;
    const commodities = [...new Set(report.commodityTypes ?? [])];
    const window = `${report.validFrom}–${report.validTo ?? 'open'}`;
    report.waypoints.forEach((w, i) => {
        const place = resolvePlace(w, gazetteer);
        if (!place)
            return;
        push(ctx, {
            type: 'ROUTE_WAYPOINT',
            key: `ROUTE_WAYPOINT:${placeLabel(place)}`,
            place,
            from,
            to,
            commodities,
            display: `waypoint ${placeLabel(place)} (${w.role}), ${window}`,
            source: `waypoints[${i}]`,
        });
    });
    const indicators = report.indicators;
    if (!indicators)
        return;
    const ind = { ...ctx, indicator: true };
    indicators.plates?.forEach((p, i) => addPlate(ind, p.plate, p.plateCountry, `indicators.plates[${i}]`));
    indicators.containers?.forEach((c, i) => addContainer(ind, c, `indicators.containers[${i}]`));
    indicators.phones?.forEach((p, i) => addPhone(ind, p, `indicators.phones[${i}]`));
    indicators.persons?.forEach((p, i) => addPerson(ind, p, `indicators.persons[${i}]`));
    indicators.organisations?.forEach((o, i) => addOrganisation(ind, o, `indicators.organisations[${i}]`));
}
/**
 * Turns a report into normalised features: identifiers (plates, containers, phones with the
 * agency's country as default region, documents, VINs, IMOs), persons (name with or without
 * date of birth, flagged when protected), organisations, and circumstances (seizure place and
 * time, commodity types; route waypoints with validity and commodity types, route indicators).
 */
function extractFeatures(report, kind, gazetteer) {
    const ctx = { out: [], agencyCountry: (0, normalise_1.countryOfAgency)(report.agencyId), indicator: false };
    if (kind === 'seizure')
        seizureFeatures(ctx, report, gazetteer);
    else
        routeFeatures(ctx, report, gazetteer);
    return ctx.out;
}
//# sourceMappingURL=features.js.map
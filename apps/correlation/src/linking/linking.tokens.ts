/** DI token of the correlation engine's MatchConfig. */
export const MATCH_CONFIG = Symbol('MATCH_CONFIG');
/** DI token of the gazetteer entries used to place reports. */
export const MATCH_GAZETTEER = Symbol('MATCH_GAZETTEER');

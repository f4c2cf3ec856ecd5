export { COMMANDS } from './command.registry';
export { AGENCY_COMMANDS, agenciesAdd, agenciesImport, agenciesList } from './agencies.commands';
export { KEY_COMMANDS, keysCreate, keysList, keysRevoke } from './keys.commands';

export { COMMANDS } from './command.registry';

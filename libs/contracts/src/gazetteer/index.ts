export { defaultGazetteer } from './gazetteer';

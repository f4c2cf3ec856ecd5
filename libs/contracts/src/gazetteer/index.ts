export {
  CROSSING_POINT_KINDS,
  Gazetteer,
  defaultGazetteer,
  normalisePlaceName,
  parseGazetteer,
} from './gazetteer';
export type { CrossingPoint, CrossingPointKind } from './gazetteer';

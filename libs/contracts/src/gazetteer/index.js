"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseGazetteer = exports.normalisePlaceName = exports.defaultGazetteer = exports.Gazetteer = exports.CROSSING_POINT_KINDS = void 0;
var gazetteer_1 = require("./gazetteer");
Object.defineProperty(exports, "CROSSING_POINT_KINDS", { enumerable: true, get: function () { return gazetteer_1.CROSSING_POINT_KINDS; } });
Object.defineProperty(exports, "Gazetteer", { enumerable: true, get: function () { return gazetteer_1.Gazetteer; } });
Object.defineProperty(exports, "defaultGazetteer", { enumerable: true, get: function () { return gazetteer_1.defaultGazetteer; } });
Object.defineProperty(exports, "normalisePlaceName", { enumerable: true, get: function () { return gazetteer_1.normalisePlaceName; } });
Object.defineProperty(exports, "parseGazetteer", { enumerable: true, get: function () { return gazetteer_1.parseGazetteer; } });
//# sourceMappingURL=index.js.map
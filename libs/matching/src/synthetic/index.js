"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pairwiseQuality = exports.blockingRecall = exports.generateScenario = exports.generateNoiseReports = exports.Prng = exports.mulberry32 = void 0;
// Public API of the synthetic scenario generator and the quality measures (matching.md "Quality bar").
var prng_1 = require("./prng");
Object.defineProperty(exports, "mulberry32", { enumerable: true, get: function () { return prng_1.mulberry32; } });
Object.defineProperty(exports, "Prng", { enumerable: true, get: function () { return prng_1.Prng; } });
var generator_1 = require("./generator");
Object.defineProperty(exports, "generateNoiseReports", { enumerable: true, get: function () { return generator_1.generateNoiseReports; } });
Object.defineProperty(exports, "generateScenario", { enumerable: true, get: function () { return generator_1.generateScenario; } });
var quality_1 = require("./quality");
Object.defineProperty(exports, "blockingRecall", { enumerable: true, get: function () { return quality_1.blockingRecall; } });
Object.defineProperty(exports, "pairwiseQuality", { enumerable: true, get: function () { return quality_1.pairwiseQuality; } });
//# sourceMappingURL=index.js.map
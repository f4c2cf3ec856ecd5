"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validationProblem = exports.problemTypeForStatus = exports.problemType = exports.problem = exports.PROBLEM_TYPE_BASE = exports.PROBLEM_SLUGS = void 0;
var problem_1 = require("./problem");
Object.defineProperty(exports, "PROBLEM_SLUGS", { enumerable: true, get: function () { return problem_1.PROBLEM_SLUGS; } });
Object.defineProperty(exports, "PROBLEM_TYPE_BASE", { enumerable: true, get: function () { return problem_1.PROBLEM_TYPE_BASE; } });
Object.defineProperty(exports, "problem", { enumerable: true, get: function () { return problem_1.problem; } });
Object.defineProperty(exports, "problemType", { enumerable: true, get: function () { return problem_1.problemType; } });
Object.defineProperty(exports, "problemTypeForStatus", { enumerable: true, get: function () { return problem_1.problemTypeForStatus; } });
Object.defineProperty(exports, "validationProblem", { enumerable: true, get: function () { return problem_1.validationProblem; } });
//# sourceMappingURL=index.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=service-definition.js.map
"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxSignal = void 0;
const common_1 = require("@nestjs/common");
/**
 * Wakes the relay as soon as outbox rows are committed by this instance, so publish lag is not
 * bound by the poll interval. A notification that arrives while the relay is busy is
 * remembered and makes its next wait return at once.
 */
let OutboxSignal = class OutboxSignal {
    pending = false;
    waiters = [];
    /** New outbox rows were committed. */
    notify() {
        this.pending = true;
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters)
            wake();
    }
    /** Forgets earlier notifications: the relay is about to read everything committed so far. */
    clear() {
        this.pending = false;
    }
    /** Resolves on the next notification (or a remembered one), or after `ms`. */
    wait(ms) {
        if (this.pending) {
            this.pending = false;
            return Promise.resolve();
        }
        return new Promise((resolve) => {
            const done = () => {
                clearTimeout(timer);
                this.waiters = this.waiters.filter((w) => w !== done);
                resolve();
            };
            const timer = setTimeout(done, ms);
            this.waiters.push(done);
        });
    }
};
exports.OutboxSignal = OutboxSignal;
exports.OutboxSignal = OutboxSignal = __decorate([
    (0, common_1.Injectable)()
], OutboxSignal);
//# sourceMappingURL=outbox-signal.js.map
"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.LedgerSigningKeyVariable = LedgerSigningKeyVariable;
exports.LedgerPreviousPublicKeysVariable = LedgerPreviousPublicKeysVariable;
// The ledger's variables, declared the same way by every service that writes a chain (each adds
// `@LedgerSigningKeyVariable() LEDGER_SIGNING_KEY?: string;` and the like to its env class).
const class_validator_1 = require("class-validator");
const config_1 = require("../../../config/src");
const keys_1 = require("../keys");
const KEY_LIST = /^\s*[A-Za-z0-9+/]{43}=(\s*,\s*[A-Za-z0-9+/]{43}=)*\s*$/;
/** The public development key is refused unless RUN_MODE=development. */
let NotTheDevelopmentKey = class NotTheDevelopmentKey {
    validate(value, args) {
        return (args.object.RUN_MODE === 'development' ||
            value !== keys_1.DEVELOPMENT_SIGNING_SEED.toString('base64'));
    }
    defaultMessage() {
        return 'not the public development key unless RUN_MODE=development';
    }
};
NotTheDevelopmentKey = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'notTheDevelopmentKey' })
], NotTheDevelopmentKey);
function all(...decorators) {
    return (target, property) => decorators.forEach((d) => d(target, property));
}
/** `LEDGER_SIGNING_KEY`: required unless RUN_MODE=development. */
function LedgerSigningKeyVariable() {
    return all((0, config_1.EnvDoc)("Ed25519 private key (its 32-byte seed in base64) that signs this service's disclosure ledger checkpoints " +
        '(docs/ledger.md). Keep it in the secret store, never in the database; hand its public key ' +
        '(`npx intelctl audit keygen` prints both) to the agencies and auditors who verify. With ' +
        'RUN_MODE=development and no key, the public development key signs, with a warning.', { secret: true, requiredWhen: 'RUN_MODE is production (the default)' }), (0, class_validator_1.ValidateIf)((e) => e.RUN_MODE !== 'development' || e.LEDGER_SIGNING_KEY !== undefined), (0, class_validator_1.IsNotEmpty)({
        message: 'is required when RUN_MODE is production (the default): create one with `npx intelctl audit keygen`',
    }), (0, class_validator_1.Matches)(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (npx intelctl audit keygen)' }), (0, class_validator_1.Validate)(NotTheDevelopmentKey));
}
/** `LEDGER_PREVIOUS_PUBLIC_KEYS`: public keys the chain was signed with before a key rotation. */
function LedgerPreviousPublicKeysVariable() {
    return all((0, config_1.EnvDoc)('After a rotation of LEDGER_SIGNING_KEY: the public keys (base64, comma-separated) that signed ' +
        "this service's ledger before, so it may extend a chain whose newest checkpoint one of them signed."), (0, class_validator_1.IsOptional)(), (0, class_validator_1.Matches)(KEY_LIST, {
        message: 'must be a comma-separated list of Ed25519 public keys (32 bytes in base64 each)',
    }));
}
//# sourceMappingURL=ledger-env.js.map
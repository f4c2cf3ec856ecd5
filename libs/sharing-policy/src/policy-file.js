"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadPolicyFile = loadPolicyFile;
// The library's only I/O: read a policy file and validate it.
const node_fs_1 = require("node:fs");
const sharing_policy_parser_1 = require("./sharing-policy.parser");
/** Reads and validates a policy file; throws naming the file and, for a bad policy, every bad path. */
function loadPolicyFile(path) {
    let json;
    try {
        json = JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new Error(`cannot read sharing policy ${path}: ${error.message}`, { cause: error });
    }
    try {
        return (0, sharing_policy_parser_1.parsePolicy)(json);
    }
    catch (error) {
        if (error instanceof sharing_policy_parser_1.SharingPolicyError)
            throw new sharing_policy_parser_1.SharingPolicyError(error.problems, path);
        throw error;
    }
}
//# sourceMappingURL=policy-file.js.map
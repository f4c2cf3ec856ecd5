"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HEALTH_CHECKS = void 0;
exports.runReadiness = runReadiness;
/** DI token of the list of readiness checks. */
exports.HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
/** Runs every check concurrently with a timeout; ready only when all are up. */
async function runReadiness(checks, timeoutMs = 3000) {
    const results = await Promise.all(checks.map(async (c) => {
        const started = Date.now();
        let timer;
        try {
            await Promise.race([
                c.check(),
                new Promise((_, reject) => {
                    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
                }),
            ]);
            return [c.name, { status: 'up', ms: Date.now() - started }];
        }
        catch (e) {
            return [
                c.name,
                { status: 'down', error: e.message, ms: Date.now() - started },
            ];
        }
        finally {
            clearTimeout(timer);
        }
    }));
    const checksOut = Object.fromEntries(results);
    return { status: results.every(([, r]) => r.status === 'up') ? 'ok' : 'error', checks: checksOut };
}
//# sourceMappingURL=health.js.map
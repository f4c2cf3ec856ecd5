"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var PersistenceModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.PersistenceModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const config_1 = require("../../config/src");
const data_source_options_1 = require("./data-source.options");
const database_health_check_1 = require("./database-health.check");
const migrate_1 = require("./migrate");
/**
 * The service's TypeORM data source on its own schema; migrations run at boot
 * (never `synchronize`). The pool is closed at shutdown, after Kafka.
 */
let PersistenceModule = PersistenceModule_1 = class PersistenceModule {
    static forService(p) {
        const logger = new common_1.Logger('Persistence');
        return {
            module: PersistenceModule_1,
            global: true,
            imports: [
                typeorm_1.TypeOrmModule.forRootAsync({
                    inject: [config_1.APP_CONFIG],
                    useFactory: (env) => (0, data_source_options_1.dataSourceOptions)(env.DATABASE_URL, p),
                    dataSourceFactory: async (options) => (0, migrate_1.initialiseDataSource)(options, (m) => logger.log(m)),
                }),
                typeorm_1.TypeOrmModule.forFeature(p.entities),
            ],
            providers: [database_health_check_1.DatabaseHealthCheck],
            exports: [typeorm_1.TypeOrmModule, database_health_check_1.DatabaseHealthCheck],
        };
    }
};
exports.PersistenceModule = PersistenceModule;
exports.PersistenceModule = PersistenceModule = PersistenceModule_1 = __decorate([
    (0, common_1.Module)({})
], PersistenceModule);
//# sourceMappingURL=persistence.module.js.map
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { EnvDoc } from '@app/config';
import { buildReference, describeEnv, renderConfigurationReference, type EnvVariable } from './env-reference';

@ValidatorConstraint({ name: 'even' })
class Even implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && value % 2 === 0;
  }

  defaultMessage(): string {
    return 'must be even';
  }
}

class BaseEnv {
  @EnvDoc('Where the broker is.')
  @Matches(/^[a-z]+:\d+$/, { message: 'must be host:port, e.g. kafka:9092' })
  BROKER: string = 'kafka:9092';

  @EnvDoc('Database URL, with | in it.', { secret: true })
  @IsString()
  DB_URL: string;
}

class SampleEnv extends BaseEnv {
  @EnvDoc('A port.')
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @EnvDoc('At least one.')
  @IsInt()
  @Min(1)
  FLOOR: number = 4;

  @EnvDoc('At most ten.')
  @IsInt()
  @Max(10)
  @Validate(Even)
  CEILING: number = 8;

  @EnvDoc('A level.')
  @IsOptional()
  @IsIn(['low', 'high'])
  LEVEL?: 'low' | 'high';

  @EnvDoc('Derived.', { defaultText: 'twice PORT' })
  @IsOptional()
  @IsInt()
  DERIVED?: number;

  @EnvDoc('Only with a level.', { requiredWhen: 'LEVEL is set' })
  @ValidateIf((e: SampleEnv) => e.LEVEL !== undefined)
  @IsNotEmpty()
  TOKEN?: string;
}

describe(describeEnv.name, () => {
  const byName = (vars: EnvVariable[]) => new Map(vars.map((v) => [v.name, v]));

  it.each<[string, Partial<EnvVariable>]>([
    [
      'PORT',
      { type: 'integer', allowed: '1 to 65535', default: '3000', defaultIsLiteral: true, required: 'no' },
    ],
    ['FLOOR', { type: 'integer', allowed: 'at least 1' }],
    ['CEILING', { allowed: 'at most 10; must be even' }],
    ['LEVEL', { type: 'string', allowed: 'one of `low`, `high`', default: null, required: 'no' }],
    ['DERIVED', { default: 'twice PORT', defaultIsLiteral: false, required: 'no' }],
    ['TOKEN', { allowed: '', default: null, required: 'when LEVEL is set', secret: false }],
    [
      'BROKER',
      { allowed: 'host:port, e.g. kafka:9092', default: 'kafka:9092', description: 'Where the broker is.' },
    ],
    ['DB_URL', { default: null, required: 'yes', secret: true }],
  ])('reads %s from its decorators, default and description', (name, expected) => {
    expect(byName(describeEnv(SampleEnv)).get(name)).toMatchObject(expected);
  });

  it("lists the base class's variables with the class's own, sorted by name", () => {
    expect(describeEnv(SampleEnv).map((v) => v.name)).toEqual([
      'BROKER',
      'CEILING',
      'DB_URL',
      'DERIVED',
      'FLOOR',
      'LEVEL',
      'PORT',
      'TOKEN',
    ]);
  });

  it('refuses a validated variable without a description', () => {
    class Undocumented {
      @IsInt()
      COUNT: number = 1;
    }
    expect(() => describeEnv(Undocumented)).toThrow(/Undocumented\.COUNT has no description/);
  });

  it('refuses a variable with a default but neither validation nor description', () => {
    class Plain {
      LOOSE: string = 'x';
    }
    expect(() => describeEnv(Plain)).toThrow(/Plain\.LOOSE has no description/);
  });

  it('refuses a secret with a default', () => {
    class LeakyDefault {
      @EnvDoc('A password.', { secret: true })
      @IsString()
      PASSWORD: string = 'changeme';
    }
    expect(() => describeEnv(LeakyDefault)).toThrow(/PASSWORD is a secret and must not have a default/);
  });

  it('refuses a conditionally validated variable that does not say when it is required', () => {
    class Vague {
      @EnvDoc('Sometimes.')
      @ValidateIf(() => true)
      @IsNotEmpty()
      MAYBE?: string;
    }
    expect(() => describeEnv(Vague)).toThrow(/Vague\.MAYBE is validated conditionally/);
  });
});

describe(buildReference.name, () => {
  class A extends BaseEnv {
    @EnvDoc('Only A.')
    @IsInt()
    A_ONLY: number = 1;

    @EnvDoc('Shared by A and B.')
    @IsString()
    POLICY: string = 'p.json';
  }
  class B extends BaseEnv {
    @EnvDoc('Shared by A and B.')
    @IsString()
    POLICY: string = 'p.json';
  }
  class C extends BaseEnv {}

  it('gives each variable one row naming its services: shared by all first, then by service, by name', () => {
    const rows = buildReference([
      { name: 'a', env: A },
      { name: 'b', env: B },
      { name: 'c', env: C },
    ]);
    expect(rows.map((r) => [r.name, r.services])).toEqual([
      ['BROKER', ['a', 'b', 'c']],
      ['DB_URL', ['a', 'b', 'c']],
      ['A_ONLY', ['a']],
      ['POLICY', ['a', 'b']],
    ]);
  });

  it('refuses a variable two services declare differently', () => {
    class B2 extends BaseEnv {
      @EnvDoc('Shared by A and B.')
      @IsString()
      POLICY: string = 'other.json';
    }
    expect(() =>
      buildReference([
        { name: 'a', env: A },
        { name: 'b', env: B2 },
      ]),
    ).toThrow(/POLICY is declared differently by a and b \(default: "p.json" vs "other.json"\)/);
  });
});

describe(renderConfigurationReference.name, () => {
  const md = renderConfigurationReference([
    { name: 'one', env: SampleEnv },
    { name: 'two', env: BaseEnv },
  ]);
  const row = (name: string) => md.split('\n').find((l) => l.startsWith(`| \`${name}\``));

  it('renders one table row per variable with every column', () => {
    expect(row('PORT')).toBe('| `PORT` | one | integer | 1 to 65535 | `3000` | no | no | A port. |');
    expect(row('TOKEN')).toBe(
      '| `TOKEN` | one | string | any | — | when LEVEL is set | no | Only with a level. |',
    );
    expect(row('DERIVED')).toBe('| `DERIVED` | one | integer | any | twice PORT | no | no | Derived. |');
    expect(md).toContain('8 variables:');
  });

  it('escapes pipes and names variables every service uses as such', () => {
    expect(row('DB_URL')).toBe(
      '| `DB_URL` | every service | string | any | — | yes | yes | Database URL, with \\| in it. |',
    );
  });

  it('says how to regenerate it', () => {
    expect(md).toMatch(/Generated by `npm run config:reference`/);
  });
});

import { z } from 'zod';
import { TextFactSchema } from './fact-kinds/text.ts';
import { PatternFactSchema } from './fact-kinds/pattern.ts';
import { StatusFactSchema } from './fact-kinds/status.ts';
import { HeaderFactSchema } from './fact-kinds/header.ts';
import { RequestHeaderFactSchema } from './fact-kinds/request-header.ts';
import { JsonFactSchema } from './fact-kinds/json.ts';
import { ExceptionFactSchema } from './fact-kinds/exception.ts';
import { ServerConfigFactSchema } from './fact-kinds/server-config.ts';
import { ConfigFactSchema } from './fact-kinds/config.ts';
import { AnyOfFactSchema } from './fact-kinds/any-of.ts';
import { PlaceSchema, ValueTestSchema, type Place, type ValueTest } from './fact-kinds/shared.ts';

export { PlaceSchema, ValueTestSchema, type Place, type ValueTest };

/**
 * One observable fact about a failure: something the checker can look for in the evidence it
 * parsed from a paste. A signature holds when all its facts hold; a clue adds (or removes) weight
 * when its fact holds.
 */
export const FactSchema = z.discriminatedUnion('kind', [
  TextFactSchema,
  PatternFactSchema,
  StatusFactSchema,
  HeaderFactSchema,
  RequestHeaderFactSchema,
  JsonFactSchema,
  ExceptionFactSchema,
  ServerConfigFactSchema,
  ConfigFactSchema,
  AnyOfFactSchema,
]);
/** One observable fact about a failure. */
export type Fact = z.output<typeof FactSchema>;

/** The kinds, read from the union above (one place to add a kind), in the order of the engine's registry (src/engine/fact-kinds/registry.ts). */
export const FACT_KIND_NAMES: readonly Fact['kind'][] = FactSchema.options.map((option) => option.shape.kind.value);

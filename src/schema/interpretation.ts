// Registers the interpretation document kind's schema; it embeds policies.
import './policy.js';
import interpretationSchema from './interpretation.schema.json' with { type: 'json' };
import { registerSchema } from './validate.js';

registerSchema('interpretation', 'interpretation.schema.json', interpretationSchema);

// Registers the infographic document kind's schema.
import infographicSchema from './infographic.schema.json' with { type: 'json' };
import { registerSchema } from './validate.js';

registerSchema('infographic', 'infographic.schema.json', infographicSchema);

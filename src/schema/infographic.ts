// Registers the infographic document kind's schema and its field labels.
import infographicSchema from './infographic.schema.json' with { type: 'json' };
import './infographic.labels.js';
import { registerSchema } from './validate.js';

registerSchema('infographic', 'infographic.schema.json', infographicSchema);

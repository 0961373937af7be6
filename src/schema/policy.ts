// Registers the policy document kind's schema (imported for its effect).
import policySchema from './policy.schema.json' with { type: 'json' };
import { registerSchema } from './validate.js';

registerSchema('policy', 'policy.schema.json', policySchema);

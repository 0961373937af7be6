// Registers the directory document kind's schema (政府信息公开目录); its entries refer to the policy's fields.
import './policy.js';
import './directory.labels.js';
import directorySchema from './directory.schema.json' with { type: 'json' };
import { registerSchema } from './validate.js';

registerSchema('directory', 'directory.schema.json', directorySchema);

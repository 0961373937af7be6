// Registers the comparison document kind's schema (新旧政策对比).
import './comparison.labels.js';
import comparisonSchema from './comparison.schema.json' with { type: 'json' };
import { registerSchema } from './validate.js';

registerSchema('comparison', 'comparison.schema.json', comparisonSchema);

// Every kind's schema and rules, for tools that check any document (the CLI, the demo page); an element imports only its own.
import './policy.js';
import './interpretation.js';
import './infographic.js';
import './comparison.js';
import './directory.js';

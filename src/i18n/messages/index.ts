/** Every area's messages, loaded together for the catalog test (the application imports each area where it is used). */
import './answers-schema.js';
import './install-summary.js';
import './questions.js';
import './run-output.js';
import './wizard.js';

// The sections of the `core` capability.
import './centres.js';
import './detention-centres.js';
import './terminals.js';
import './special-days.js';
import './directory.js';
import './accounts.js';
import './audit.js';

/**
 * Cases as stored and changed: the domain service every case action goes through, the command store it replays, the
 * queue and casework reads, the automated assessment at submission and the parties' screening.
 */
package org.pallas.server.licensing.cases;

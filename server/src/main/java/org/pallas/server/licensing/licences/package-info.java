/** Issued licences: their lifecycle, usage reports, the licence page, API and PDF, and the expiry sweep. */
package org.pallas.server.licensing.licences;

/**
 * The exporters' pages and API: drafting, submitting and following applications, answering, amending, withdrawing and
 * appealing.
 */
package org.pallas.server.licensing.exporter;

/** General authorisations: the published terms, the eligibility check and the exporters' registrations. */
package org.pallas.server.licensing.generalauthorisations;

/** Service levels: the working-day calendar bean, the red-tape measures dashboard and the demo history behind it. */
package org.pallas.server.licensing.servicelevels;

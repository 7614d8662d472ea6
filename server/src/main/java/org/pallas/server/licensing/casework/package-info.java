/** The authority's pages: the queues, the case page with its actions, and the advisers' queue. */
package org.pallas.server.licensing.casework;

/** Notifications to users, with e-mail sent through an SMTP outbox that retries. */
package org.pallas.server.licensing.notifications;

/**
 * Identity and access: organisations, users, roles, sign-in (with throttling), personal access tokens,
 * the current-caller API, single sign-on and the administration pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package org.pallas.server.identity;

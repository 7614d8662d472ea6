/** The web shell: the layout, role-aware navigation, the home dashboards and the error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = "platform")
package org.pallas.server.web;

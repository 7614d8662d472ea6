/** The web shell: the layout, role-aware navigation, the home dashboards and the error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.pallas.server.web;

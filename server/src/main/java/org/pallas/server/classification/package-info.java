/**
 * Classification in the server: the exporters' product register with versions, the stateless
 * self-assessment (questionnaire answers in, classification out, computed by
 * {@code org.pallas.classification}), classification requests to the authority and the caseworker's
 * confirmation or amendment. Licensing reads the confirmed rating through {@link
 * org.pallas.server.classification.ConfirmedRatings}; its changes are published as {@link
 * org.pallas.server.classification.ClassificationChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Classification", allowedDependencies = "platform")
package org.pallas.server.classification;

package org.pallas.server.classification.view;

import org.pallas.server.classification.ClassificationRequest;

/** A classification request with its product's name, for lists. Public for the templates only. */
public record RequestRow(ClassificationRequest request, String productName) {}

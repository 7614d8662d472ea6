package org.pallas.policy;

/** The adviser teams a caseworker consults (UK-GEN-1: advice from FCDO, MOD and other departments). */
public enum AdviserTeam {
  HUMAN_RIGHTS, NATIONAL_SECURITY, DEFENCE
}

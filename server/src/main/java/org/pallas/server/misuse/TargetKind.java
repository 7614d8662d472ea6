package org.pallas.server.misuse;

/** The kind of person targeted: the FOC-AT-RISK groups of special concern [P], and other. */
public enum TargetKind {
    JOURNALIST,
    HUMAN_RIGHTS_DEFENDER,
    ACTIVIST,
    WORKER_OR_UNION_LEADER,
    POLITICAL_OPPOSITION,
    WOMAN_OR_GIRL,
    INDIGENOUS_PERSON,
    LGBTI_PERSON,
    MINORITY,
    PERSON_WITH_DISABILITY,
    OTHER
}

package org.pallas.licensing;

/** Adviser teams outside the licensing unit, as LITE's other-government-department advice (peers.md §2.2 step 3). */
public enum AdviceTeam {
    HUMAN_RIGHTS(Queue.HUMAN_RIGHTS_ADVICE),
    NATIONAL_SECURITY(Queue.NATIONAL_SECURITY_ADVICE),
    DEFENCE(Queue.DEFENCE_ADVICE);

    private final Queue queue;

    AdviceTeam(Queue queue) {
        this.queue = queue;
    }

    public Queue queue() {
        return queue;
    }
}

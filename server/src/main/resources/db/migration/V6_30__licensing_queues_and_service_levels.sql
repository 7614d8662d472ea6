-- Queues and service levels (issue 7, part 3).
-- Each transition keeps the domain event it projects (JSON), so the red-tape measures fold the same event histories
-- the domain's ServiceLevelClock is defined on, without replaying commands.
ALTER TABLE licensing_case_transition ADD COLUMN payload JSONB;

-- Destinations of the current application version, for the queue filter and the dashboard by destination.
ALTER TABLE licensing_case ADD COLUMN destinations VARCHAR(2)[] NOT NULL DEFAULT '{}';

-- The team queues the case sits in now (Case.queues()), and where an open, running case stands on its working-day
-- clock (SlaPosition: sorting by it is sorting by service-level days remaining; null once the clock stopped).
ALTER TABLE licensing_case ADD COLUMN queues VARCHAR(40)[] NOT NULL DEFAULT '{}';
ALTER TABLE licensing_case ADD COLUMN sla_base DATE;

-- Open cases only (the authority's queues): partial indexes keep them small however many cases are decided.
CREATE INDEX licensing_case_open_by_submission ON licensing_case (submitted_at, reference)
    WHERE status NOT IN ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED');
CREATE INDEX licensing_case_open_by_status_since ON licensing_case (status_since, reference)
    WHERE status NOT IN ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED');
CREATE INDEX licensing_case_open_by_officer ON licensing_case (case_officer_id, status_since)
    WHERE status NOT IN ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED');
CREATE INDEX licensing_case_open_by_route ON licensing_case (route, status_since)
    WHERE status NOT IN ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED');
CREATE INDEX licensing_case_open_by_sla ON licensing_case (sla_base, reference)
    WHERE status NOT IN ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED');
CREATE INDEX licensing_case_by_queue ON licensing_case USING GIN (queues);
CREATE INDEX licensing_case_by_destination ON licensing_case USING GIN (destinations);
-- The dashboard selects cases by submission time.
CREATE INDEX licensing_case_by_submitted ON licensing_case (submitted_at) WHERE submitted_at IS NOT NULL;

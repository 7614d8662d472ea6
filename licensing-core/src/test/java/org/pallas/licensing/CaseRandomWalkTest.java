package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.pallas.licensing.CaseStatus.ADVICE_CONSOLIDATION;
import static org.pallas.licensing.CaseStatus.AWAITING_ADVICE;
import static org.pallas.licensing.CaseStatus.AWAITING_COUNTERSIGNATURE;
import static org.pallas.licensing.CaseStatus.DRAFT;
import static org.pallas.licensing.CaseStatus.FINALISED;
import static org.pallas.licensing.CaseStatus.INFORMATION_REQUESTED;
import static org.pallas.licensing.CaseStatus.INITIAL_CHECKS;
import static org.pallas.licensing.CaseStatus.SUBMITTED;
import static org.pallas.licensing.CaseStatus.UNDER_APPEAL;
import static org.pallas.licensing.CaseStatus.UNDER_REVIEW;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;

/**
 * Drives cases with seeded random sequences of actions by random actors and checks the invariants that must hold
 * whatever happens: only table transitions, a failed action changes nothing, the history chains, four eyes and an
 * independent appeal officer, and a service-level clock that agrees with a day-by-day count and never runs backwards.
 */
class CaseRandomWalkTest {

    private static final List<Actor> ACTORS = List.of(
            Fixtures.EXPORTER,
            Fixtures.COLLEAGUE,
            Fixtures.OTHER_EXPORTER,
            Fixtures.SYSTEM,
            Fixtures.CASEWORKER,
            Fixtures.OTHER_CASEWORKER,
            Fixtures.SENIOR,
            Fixtures.OTHER_SENIOR,
            Fixtures.CASEWORKER_AND_SENIOR,
            Fixtures.HUMAN_RIGHTS_ADVISER,
            Fixtures.SECURITY_ADVISER,
            Fixtures.DEFENCE_ADVISER);

    private static final List<Actor> EXPORTERS = List.of(Fixtures.EXPORTER, Fixtures.COLLEAGUE);
    private static final List<Actor> CASEWORKERS =
            List.of(Fixtures.CASEWORKER, Fixtures.OTHER_CASEWORKER, Fixtures.CASEWORKER_AND_SENIOR);
    private static final List<Actor> SENIORS =
            List.of(Fixtures.SENIOR, Fixtures.OTHER_SENIOR, Fixtures.CASEWORKER_AND_SENIOR);
    private static final List<Actor> ADVISERS =
            List.of(Fixtures.HUMAN_RIGHTS_ADVISER, Fixtures.SECURITY_ADVISER, Fixtures.DEFENCE_ADVISER);

    private static final int SEEDS = 120;
    private static final int STEPS = 100;

    /**
     * An action, the statuses it usually makes sense in, and the actors it is usually tried by. Four times in five the
     * walk picks a sensible action and actor, so that it gets deep into the workflow; otherwise anything goes.
     */
    private record Action(Set<CaseStatus> when, List<Actor> likely, Consumer<Actor> run) {}

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    private final ServiceLevelClock sla = new ServiceLevelClock(CALENDAR, ServiceLevelClock.UK);

    @Test
    void randomActionSequencesKeepEveryCaseInvariant() {
        Set<CaseStatus> reached = EnumSet.noneOf(CaseStatus.class);
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            TestClock clock = TestClock.at(2026, 1, 5);
            Case c = Case.draft(
                    "W-" + seed,
                    Fixtures.EXPORTER,
                    LicenceType.INDIVIDUAL,
                    Fixtures.individual(),
                    Fixtures.RULES,
                    clock);
            List<Action> actions = actions(c, random);
            for (int step = 0; step < STEPS; step++) {
                clock.advance(Duration.ofHours(1 + random.nextInt(30)));
                boolean sensible = random.nextInt(5) > 0;
                List<Action> candidates = sensible
                        ? actions.stream()
                                .filter(a -> a.when().contains(c.status()))
                                .toList()
                        : actions;
                if (candidates.isEmpty()) {
                    break; // a terminal status: nothing sensible is left to try
                }
                Action action = candidates.get(random.nextInt(candidates.size()));
                List<Actor> actors = sensible ? action.likely() : ACTORS;
                Actor actor = actors.get(random.nextInt(actors.size()));
                CaseStatus before = c.status();
                int events = c.history().size();
                try {
                    action.run().accept(actor);
                } catch (IllegalTransitionException
                        | NotAuthorisedException
                        | RuleViolationException
                        | ApplicationInvalidException
                        | IllegalArgumentException refused) {
                    if (refused.getMessage().contains("cannot move from")) {
                        fail("seed " + seed + " step " + step + ": a method passed its own checks but broke the table: "
                                + refused);
                    }
                    if (c.status() != before || c.history().size() != events) {
                        fail("seed " + seed + " step " + step + ": refused action changed the case: " + refused);
                    }
                    continue;
                }
                List<CaseEvent> h = c.history();
                CaseEvent.Change change = h.get(h.size() - 1).change();
                if (h.size() != events + 1
                        || change.from() != before
                        || change.to() != c.status()
                        || !change.actor().equals(actor)
                        || !change.at().equals(clock.instant())) {
                    fail("seed " + seed + " step " + step + ": expected one event " + before + " -> " + c.status()
                            + " by " + actor.id() + ", history " + h.subList(events, h.size()));
                }
                if (before != c.status() && !before.canMoveTo(c.status())) {
                    fail("seed " + seed + ": " + before + " -> " + c.status() + " is not in the transition table");
                }
                reached.add(c.status());
            }
            checkHistory(seed, c);
            int previous = 0;
            for (int back = 60; back >= 0; back -= 5) {
                Instant asOf = clock.instant().minus(Duration.ofDays(back));
                int elapsed = sla.elapsedWorkingDays(c.history(), asOf);
                assertThat(elapsed)
                        .as("seed %d, %d days back: same count as day by day", seed, back)
                        .isEqualTo(elapsedDayByDay(c.history(), asOf));
                assertThat(elapsed)
                        .as("seed %d: the clock never runs backwards", seed)
                        .isGreaterThanOrEqualTo(previous);
                previous = elapsed;
            }
        }
        assertThat(reached)
                .as("the walk is only evidence if it reaches every state")
                .containsAll(EnumSet.allOf(CaseStatus.class));
    }

    /**
     * The SLA definition in docs/licensing.md, written the slow obvious way: walk every day and ask what status the
     * case had at the end of it.
     */
    private static int elapsedDayByDay(List<CaseEvent> history, Instant asOf) {
        ZoneId uk = ServiceLevelClock.UK;
        Instant submitted = null;
        Instant stop = null;
        for (CaseEvent e : history) {
            Instant at = e.change().at();
            if (at.isAfter(asOf)) {
                break;
            }
            if (e instanceof CaseEvent.ApplicationSubmitted) {
                submitted = at;
            }
            if ((e instanceof CaseEvent.CaseFinalised || e instanceof CaseEvent.CaseWithdrawn) && stop == null) {
                stop = at;
            }
        }
        if (submitted == null) {
            return 0;
        }
        Map<LocalDate, String> holidays = CALENDAR.holidays();
        int days = 0;
        for (LocalDate d = submitted.atZone(uk).toLocalDate().plusDays(1);
                !d.isAfter(asOf.atZone(uk).toLocalDate());
                d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY
                    || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || holidays.containsKey(d)) {
                continue;
            }
            Instant endOfDay = d.plusDays(1).atStartOfDay(uk).toInstant();
            if (stop != null
                    && endOfDay.isAfter(stop)
                    && stop.atZone(uk).toLocalDate().isBefore(d)) {
                break; // past the day the clock stopped
            }
            if (stop == null && endOfDay.isAfter(asOf)) {
                break; // an open case counts completed days only
            }
            Instant probe = stop != null && endOfDay.isAfter(stop) ? stop : endOfDay;
            CaseStatus status = CaseStatus.DRAFT;
            for (CaseEvent e : history) {
                if (!e.change().at().isAfter(probe)) {
                    status = e.change().to();
                }
            }
            if (status != CaseStatus.INFORMATION_REQUESTED) {
                days++;
            }
        }
        return days;
    }

    private static void checkHistory(int seed, Case c) {
        List<CaseEvent> h = c.history();
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.get(i).change().from())
                    .as("seed %d event %d chains", seed, i)
                    .isEqualTo(h.get(i - 1).change().to());
        }
        for (CaseEvent e : h) {
            if (e instanceof CaseEvent.CaseFinalised f && f.countersignedBy() != null) {
                assertThat(f.countersignedBy()).as("seed %d four eyes", seed).isNotEqualTo(f.decidedBy());
            }
            if (e instanceof CaseEvent.AppealDecided a) {
                assertThat(a.change().actor().id())
                        .isNotEqualTo(c.decision().orElseThrow().decidedBy());
                assertThat(c.countersignedBy())
                        .isNotEqualTo(java.util.Optional.of(a.change().actor().id()));
            }
        }
    }

    private static List<Action> actions(Case c, Random r) {
        return List.of(
                new Action(
                        EnumSet.of(DRAFT),
                        EXPORTERS,
                        actor -> c.saveDraft(
                                actor, r.nextInt(4) > 0 ? Fixtures.individual() : ApplicationDetails.empty())),
                new Action(EnumSet.of(DRAFT), EXPORTERS, c::submit),
                new Action(
                        EnumSet.of(SUBMITTED, INITIAL_CHECKS, UNDER_REVIEW, INFORMATION_REQUESTED),
                        EXPORTERS,
                        actor -> c.amend(
                                actor,
                                r.nextInt(4) > 0 ? Fixtures.individual() : ApplicationDetails.empty(),
                                reason(r))),
                new Action(
                        EnumSet.of(SUBMITTED),
                        List.of(Fixtures.SYSTEM),
                        actor -> c.route(actor, Routing.of(pick(r, AssessmentRoute.values())))),
                new Action(
                        EnumSet.of(INITIAL_CHECKS, UNDER_REVIEW),
                        CASEWORKERS,
                        actor -> c.reroute(actor, Routing.of(pick(r, AssessmentRoute.values())), reason(r))),
                new Action(
                        EnumSet.of(SUBMITTED, INITIAL_CHECKS, UNDER_REVIEW),
                        CASEWORKERS,
                        actor -> c.assignCaseOfficer(actor, pick(r, "carol", "dave", "casey"))),
                new Action(EnumSet.of(INITIAL_CHECKS), CASEWORKERS, c::completeInitialChecks),
                new Action(EnumSet.of(UNDER_REVIEW), CASEWORKERS, actor -> c.requestAdvice(actor, teams(r), reason(r))),
                new Action(
                        EnumSet.of(AWAITING_ADVICE),
                        ADVISERS,
                        actor -> c.giveAdvice(
                                actor,
                                actor.teams().isEmpty()
                                        ? pick(r, AdviserTeam.values())
                                        : actor.teams().iterator().next(),
                                pick(r, AdviceType.values()),
                                reason(r),
                                r.nextBoolean() ? List.of("condition") : List.of(),
                                criteria(r))),
                new Action(
                        EnumSet.of(ADVICE_CONSOLIDATION), CASEWORKERS, actor -> c.consolidateAdvice(actor, reason(r))),
                new Action(
                        EnumSet.of(INITIAL_CHECKS, UNDER_REVIEW, ADVICE_CONSOLIDATION),
                        CASEWORKERS,
                        actor -> c.requestInformation(actor, reason(r))),
                new Action(
                        EnumSet.of(INFORMATION_REQUESTED), EXPORTERS, actor -> c.provideInformation(actor, reason(r))),
                new Action(
                        EnumSet.of(UNDER_REVIEW),
                        CASEWORKERS,
                        actor -> c.decide(
                                actor,
                                pick(r, Outcome.values()),
                                reason(r),
                                criteria(r),
                                r.nextBoolean() ? List.of("condition") : List.of())),
                new Action(EnumSet.of(AWAITING_COUNTERSIGNATURE), SENIORS, actor -> c.countersign(actor, reason(r))),
                new Action(
                        EnumSet.of(AWAITING_COUNTERSIGNATURE),
                        SENIORS,
                        actor -> c.refuseCountersignature(actor, reason(r))),
                new Action(EnumSet.of(SUBMITTED), EXPORTERS, actor -> c.withdraw(actor, reason(r))),
                new Action(EnumSet.of(FINALISED), EXPORTERS, actor -> c.appeal(actor, reason(r))),
                new Action(
                        EnumSet.of(UNDER_APPEAL),
                        SENIORS,
                        actor -> c.assignAppealOfficer(actor, pick(r, "carol", "dave", "casey", "sam", "sue"))),
                new Action(
                        EnumSet.of(UNDER_APPEAL),
                        List.of(
                                Fixtures.CASEWORKER,
                                Fixtures.OTHER_CASEWORKER,
                                Fixtures.CASEWORKER_AND_SENIOR,
                                Fixtures.SENIOR,
                                Fixtures.OTHER_SENIOR),
                        actor -> c.decideAppeal(actor, pick(r, Outcome.values()), reason(r))),
                new Action(EnumSet.of(UNDER_REVIEW), ACTORS, actor -> c.addInternalNote(actor, reason(r))));
    }

    private static String reason(Random r) {
        return r.nextInt(10) == 0 ? " " : "because " + r.nextInt(100);
    }

    private static List<RefusalCriterion> criteria(Random r) {
        return r.nextBoolean() ? List.of() : List.of(pick(r, RefusalCriterion.values()));
    }

    private static Set<AdviserTeam> teams(Random r) {
        Set<AdviserTeam> teams = EnumSet.noneOf(AdviserTeam.class);
        for (AdviserTeam t : AdviserTeam.values()) {
            if (r.nextBoolean()) {
                teams.add(t);
            }
        }
        return teams;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }
}

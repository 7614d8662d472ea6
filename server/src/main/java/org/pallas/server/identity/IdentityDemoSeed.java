package org.pallas.server.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.DemoSeed;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo cast: a licensing authority, an advisory department with three advisers (one per team), two exporters with two
 * users each, an oversight body, an audit office and a civil-society organisation. All fictional.
 * Every demo user has the password {@code pallas.demo.password} (default {@value #DEFAULT_PASSWORD}).
 */
@Component
class IdentityDemoSeed implements DemoSeed {

    static final String DEFAULT_PASSWORD = "pallas-demo-2026";

    /** A demo user: username, full name, organisation, roles, adviser team. */
    record DemoUser(String username, String displayName, String organisation, Set<Role> roles, AdviserTeam team) {}

    record DemoOrganisation(String name, OrganisationKind kind, String country) {}

    static final String AUTHORITY = "Office for Strategic Export Controls";
    static final String ADVISORY = "Interministerial Advisory Department";
    static final String EXPORTER_A = "Northbridge Security Ltd";
    static final String EXPORTER_B = "Calder Forensics GmbH";
    static final String OVERSIGHT = "Parliamentary Committee on Export Oversight";
    static final String AUDIT = "National Audit Office";
    static final String CIVIL_SOCIETY = "Digital Rights Observatory";

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(AUTHORITY, OrganisationKind.LICENSING_AUTHORITY, "GB"),
            new DemoOrganisation(ADVISORY, OrganisationKind.ADVISORY_DEPARTMENT, "GB"),
            new DemoOrganisation(EXPORTER_A, OrganisationKind.EXPORTER, "GB"),
            new DemoOrganisation(EXPORTER_B, OrganisationKind.EXPORTER, "DE"),
            new DemoOrganisation(OVERSIGHT, OrganisationKind.OVERSIGHT_BODY, "GB"),
            new DemoOrganisation(AUDIT, OrganisationKind.OVERSIGHT_BODY, "GB"),
            new DemoOrganisation(CIVIL_SOCIETY, OrganisationKind.CIVIL_SOCIETY, "GB"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("caseworker", "Maya Okafor", AUTHORITY, Set.of(Role.CASEWORKER), null),
            new DemoUser("senior", "Daniel Reyes", AUTHORITY, Set.of(Role.SENIOR_OFFICER), null),
            // A second caseworker who takes no part in the demo's decisions, so an appeal always has an officer
            // who neither refused nor countersigned the refusal (issue #19).
            new DemoUser("caseworker.two", "Ewa Kowalska", AUTHORITY, Set.of(Role.CASEWORKER), null),
            new DemoUser("admin", "Priya Natarajan", AUTHORITY, Set.of(Role.ADMIN), null),
            new DemoUser("adviser.hr", "Lena Brandt", ADVISORY, Set.of(Role.ADVISER), AdviserTeam.HUMAN_RIGHTS),
            new DemoUser("adviser.ns", "Tomás Álvarez", ADVISORY, Set.of(Role.ADVISER), AdviserTeam.NATIONAL_SECURITY),
            new DemoUser("adviser.def", "Ingrid Solberg", ADVISORY, Set.of(Role.ADVISER), AdviserTeam.DEFENCE),
            new DemoUser("northbridge.lee", "Alex Lee", EXPORTER_A, Set.of(Role.EXPORTER), null),
            new DemoUser("northbridge.patel", "Sam Patel", EXPORTER_A, Set.of(Role.EXPORTER), null),
            new DemoUser("calder.weber", "Jonas Weber", EXPORTER_B, Set.of(Role.EXPORTER), null),
            new DemoUser("calder.fischer", "Anna Fischer", EXPORTER_B, Set.of(Role.EXPORTER), null),
            new DemoUser("oversight", "Ruth Mensah", OVERSIGHT, Set.of(Role.OVERSIGHT), null),
            new DemoUser("auditor", "Karl Jensen", AUDIT, Set.of(Role.AUDITOR), null),
            new DemoUser("civil.society", "Noor Haddad", CIVIL_SOCIETY, Set.of(), null));

    private final Organisations organisations;
    private final Users users;
    private final String password;
    private final String port;

    IdentityDemoSeed(
            Organisations organisations,
            Users users,
            @Value("${pallas.demo.password:" + DEFAULT_PASSWORD + "}") String password,
            @Value("${server.port:8080}") String port) {
        this.organisations = organisations;
        this.users = users;
        this.password = password;
        this.port = port;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void seed() {
        Map<String, UUID> ids = new HashMap<>();
        for (DemoOrganisation o : ORGANISATIONS) {
            ids.put(
                    o.name(),
                    organisations
                            .createUnchecked(null, new OrganisationInput(o.name(), o.kind(), o.country()))
                            .id());
        }
        for (DemoUser u : USERS) {
            users.createUnchecked(
                    null,
                    new UserInput(
                            ids.get(u.organisation()),
                            u.username(),
                            u.displayName(),
                            u.username() + "@demo.pallas.invalid",
                            u.team(),
                            u.roles(),
                            password));
        }
    }

    @Override
    public List<String> bannerLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Open http://localhost:" + port + " and sign in with one of these demo accounts.");
        // Never the password itself: logs carry no passwords (RequestLogTests), not even the demo's.
        lines.add("Password for every demo account: the value of pallas.demo.password (see README.md)");
        lines.add("");
        for (DemoUser u : USERS) {
            String role = u.roles().isEmpty()
                    ? "(no role)"
                    : String.join(
                            ",", u.roles().stream().map(Role::name).sorted().toList());
            if (u.team() != null) {
                role += " / " + u.team().label();
            }
            lines.add(String.format(Locale.ROOT, "%-18s %-28s %s", u.username(), role, u.organisation()));
        }
        return lines;
    }
}

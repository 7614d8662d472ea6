package org.pallas.server;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.classification.ProductInput;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.UserInput;
import org.pallas.server.identity.Users;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.CallerAuthentication;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The demo cast as seen by tests: callers, their API tokens (created once per JVM) and the ids of
 * their organisations and users. Construct it with the context's JdbcClient and AccessTokens.
 */
public final class TestCast {

    /** Who makes a request in the isolation matrix, with the demo username behind each. */
    public enum Who {
        ANON(null, "anon"),
        EXPORTER_A("northbridge.lee", "A"),
        EXPORTER_B("calder.weber", "B"),
        CASEWORKER("caseworker", "cw"),
        ADVISER("adviser.hr", "adv"),
        SENIOR_OFFICER("senior", "so"),
        OVERSIGHT("oversight", "ov"),
        AUDITOR("auditor", "aud"),
        ADMIN("admin", "adm"),
        CIVIL_SOCIETY("civil.society", "cs");

        public final String username;
        public final String key;

        Who(String username, String key) {
            this.username = username;
            this.key = key;
        }

        public static Who ofKey(String key) {
            return Arrays.stream(values())
                    .filter(w -> w.key.equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown caller key '" + key + "'; use one of "
                            + Arrays.stream(values()).map(w -> w.key).toList()));
        }
    }

    /**
     * Questionnaire answers of a commercial penetration-testing framework with exploit modules (classification-core
     * scenario, as the demo's Redline assessment toolkit): the register classifies it 4D004, tier 2.
     */
    public static final String PENTEST_FRAMEWORK = """
            item_kind=penetration_testing_framework; item_forms=software; platform_functions=generate,command_and_control,deliver;
            evades_monitoring=yes; defeats_countermeasures=yes; payload_effects=extracts_data,alters_execution; published=no;
            encryption_cat5p2=no; target_platforms=windows,linux,network_devices; delivery_vectors=one_click,network_injection;
            data_collected=credentials,files; safeguards=target_scoping,tamper_proof_audit_log; update_channel=customer_installed;
            covert=no; natural_persons=no; ict_data=yes; surveillance_design=no""";

    /**
     * Questionnaire answers of a phone forensic extraction kit that exploits the bootloader (classification-core
     * scenario): the register classifies it 4A005 and 4D004, tier 3.
     */
    public static final String FORENSIC_KIT = """
            item_kind=forensic_extraction; item_forms=hardware,software; extraction_method=exploit_based;
            evades_monitoring=no; defeats_countermeasures=yes; payload_effects=extracts_data; published=no;
            encryption_cat5p2=no; target_platforms=ios,android; data_collected=messages,files,contacts,location;
            safeguards=tamper_proof_audit_log; update_channel=customer_installed; covert=no; natural_persons=yes;
            ict_data=yes; surveillance_design=no""";

    /**
     * Questionnaire answers of an exploit development framework that builds deployable exploits (as the demo's
     * fuzzing and exploit research platform): the register classifies it 4D004, tier 2.
     */
    public static final String EXPLOIT_FRAMEWORK = """
            item_kind=exploit_development_framework; item_forms=software; platform_functions=generate; evades_monitoring=no;
            defeats_countermeasures=yes; payload_effects=alters_execution; published=no; encryption_cat5p2=no;
            target_platforms=windows,linux; data_collected=none; safeguards=none; update_channel=customer_installed; covert=no;
            natural_persons=no; ict_data=yes; surveillance_design=no""";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, String> PRODUCTS = new ConcurrentHashMap<>();
    private static final Map<String, Caller> CALLERS = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final AccessTokens tokens;

    public TestCast(JdbcClient jdbc, AccessTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    public Caller caller(String username) {
        return CALLERS.computeIfAbsent(username, this::load);
    }

    public Caller caller(Who who) {
        return caller(who.username);
    }

    /** A live API token of the user, issued once per JVM. */
    public String token(String username) {
        return TOKENS.computeIfAbsent(
                username, u -> tokens.issue(caller(u), "test").token());
    }

    /** Adds the caller's credentials: a bearer token for the API, a signed-in session otherwise. */
    public MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request, boolean api) {
        if (who == Who.ANON) {
            return request;
        }
        return api ? request.header("Authorization", "Bearer " + token(who.username)) : request.with(session(who));
    }

    public RequestPostProcessor session(Who who) {
        return authentication(new CallerAuthentication(caller(who)));
    }

    /** A new user (made by the demo admin) in the organisation of {@code colleague}, for tests that change or lock it. */
    public String newUser(Users users, String colleague, String password, Role... roles) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 12);
        users.create(
                caller("admin"),
                new UserInput(
                        organisationOf(colleague),
                        username,
                        "Test User " + username,
                        null,
                        null,
                        roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)),
                        password));
        return username;
    }

    /**
     * A product in the register of {@code exporter}'s organisation, registered once per JVM through the product
     * register as the exporter's products page and API do, and classified by the register from {@code answers}
     * ({@code question=option,option; ...}). Returns its register id: what an application's product line names so
     * that the assessment reads the register's classification.
     */
    public String registeredProduct(ProductRegister products, Who exporter, String name, String answers) {
        return PRODUCTS.computeIfAbsent(exporter.username + "\n" + name + "\n" + answers, key -> {
            Map<String, List<String>> parsed = new LinkedHashMap<>();
            for (String pair : answers.split(";")) {
                String[] kv = pair.strip().split("=", 2);
                parsed.put(kv[0].strip(), List.of(kv[1].strip().split(",")));
            }
            return products.register(caller(exporter), new ProductInput(name, null, null, parsed))
                    .id()
                    .toString();
        });
    }

    public UUID organisationOf(String username) {
        return caller(username).organisationId();
    }

    public UUID userId(String username) {
        return caller(username).userId();
    }

    private Caller load(String username) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.team, o.id as org_id, o.name as org_name, o.kind,
                       coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') as roles
                from app_user u join organisation o on o.id = u.organisation_id where u.username = :u""")
                .param("u", username)
                .query((rs, n) -> new Caller(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getObject("org_id", UUID.class),
                        rs.getString("org_name"),
                        OrganisationKind.valueOf(rs.getString("kind")),
                        roles(rs.getString("roles")),
                        rs.getString("team") == null ? null : AdviserTeam.valueOf(rs.getString("team"))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No demo user " + username + "; is the demo seeded?"));
    }

    private static Set<Role> roles(String csv) {
        return csv.isEmpty()
                ? EnumSet.noneOf(Role.class)
                : Arrays.stream(csv.split(","))
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
